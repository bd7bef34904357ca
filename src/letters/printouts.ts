// The printouts a removal request can attach: guideline forms and ISPs ask for "a printout of the page
// with the URL visible". Each is the stored, hashed PDF a capture made; the newest capture per suspect.
import type { CoreContext } from '../core/context.js';
import type { PrintoutAttachment } from '../domain/capture.js';
import { listCaptures } from '../store/captures.js';
import { getCase } from '../store/cases.js';

/** The newest printout of each of the case's suspects that has a capture. */
export function printoutAttachments(ctx: CoreContext, caseId: string): PrintoutAttachment[] {
  const out: PrintoutAttachment[] = [];
  for (const s of getCase(ctx.db, caseId).suspects) {
    const c = listCaptures(ctx.db, s.id)[0];
    const p = c?.artefacts.find((a) => a.kind === 'printout');
    if (!c || !p) continue;
    out.push({ captureId: c.id, suspectId: s.id, suspectLabel: s.label, finalUrl: c.finalUrl, capturedAt: c.capturedAt, sha256: p.sha256, sizeBytes: p.sizeBytes, fileName: `printout-${c.capturedAt.slice(0, 10)}-${c.id}.pdf` });
  }
  return out;
}
