// Page captures in the evidence pack: each capture's artefacts under captures/<capture id>/ by kind,
// and captures/captures.json with the chain (who captured, when, with which browser, every hash).
import type { CoreContext } from '../../core/context.js';
import type { Capture, CaptureArtefact, Suspect } from '../../domain/index.js';
import { listCaptures } from '../../store/captures.js';
import { contentPath } from '../../store/content.js';
import type { ZipEntry } from '../zip/write.js';

const FILE_NAMES: Record<CaptureArtefact['kind'], string> = {
  screenshot: 'screenshot.png',
  mhtml: 'page.mhtml',
  text: 'visible-text.txt',
  printout: 'printout.pdf',
  manifest: 'capture-manifest.json',
  timestamp: 'capture-manifest.tsr',
};

/** Where an artefact sits in the pack. */
export const captureEntryName = (c: Capture, kind: CaptureArtefact['kind']): string => `captures/${c.id}/${FILE_NAMES[kind]}`;

/** Every capture of the case's suspects, in suspect order, newest first within a suspect. */
export function collectCaptures(ctx: CoreContext, suspects: Suspect[]): Capture[] {
  const seen = new Set<string>();
  return suspects.filter((s) => !seen.has(s.id) && seen.add(s.id)).flatMap((s) => listCaptures(ctx.db, s.id));
}

/** The pack entries of the captures (nothing when there are none). */
export function captureEntries(ctx: CoreContext, captures: Capture[]): ZipEntry[] {
  if (captures.length === 0) return [];
  const out: ZipEntry[] = [];
  for (const c of captures) for (const a of c.artefacts) out.push({ name: captureEntryName(c, a.kind), source: { file: contentPath(ctx.dataDir, a.sha256) } });
  const chain = captures.map((c) => ({
    captureId: c.id,
    suspectId: c.suspectId,
    requestedUrl: c.requestedUrl,
    finalUrl: c.finalUrl,
    redirects: c.redirects,
    httpStatus: c.httpStatus,
    capturedAt: c.capturedAt,
    capturedBy: c.capturedBy,
    browser: c.browser,
    tls: c.tls,
    manifestSha256: c.manifestSha256,
    timestamp: c.timestamp,
    artefacts: c.artefacts.map((a) => ({ ...a, path: captureEntryName(c, a.kind) })),
    media: c.media.map((m) => ({ url: m.url, origin: m.origin, state: m.state, reason: m.reason, sha256: m.sha256, recordingId: m.recordingId, fetchedAt: m.fetchedAt, httpStatus: m.httpStatus })),
  }));
  const note =
    'Pages captured by Seimon: each capture-manifest.json lists every artefact with its SHA-256; the capture time is the system clock of the capturing computer unless an RFC 3161 token (capture-manifest.tsr) is present.';
  out.push({ name: 'captures/captures.json', source: Buffer.from(JSON.stringify({ note, captures: chain }, null, 2) + '\n', 'utf8') });
  return out;
}
