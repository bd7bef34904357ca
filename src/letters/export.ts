// Exporting a letter: blocked with LETTER_INCOMPLETE (and the list) while anything is missing; else
// rendered, hashed, recorded with the field texts it carried, and audited.
import { createHash } from 'node:crypto';
import type { CoreContext } from '../core/context.js';
import type { FieldIssue } from '../core/result.js';
import type { LetterDetail, LetterExport, LetterFormat } from '../domain/letters.js';
import { SeimonError } from '../core/errors.js';
import { revealBidiDeep } from '../core/bidi.js';
import { appendAudit } from '../store/audit.js';
import { insertLetterExport } from '../store/letters.js';
import { getLetter } from './compose.js';
import { renderLetterDocx } from './render/docx.js';
import { renderLetterPdf } from './render/pdf.js';
import { fieldTexts, renderLetterTxt } from './render/txt.js';

/** Throws LETTER_BLOCKED naming everything that stops export (contradicted grounds, wrong recipient…). */
export function assertUnblocked(l: LetterDetail): void {
  if (l.blockers.length === 0) return;
  const issues: FieldIssue[] = l.blockers.map((b) => ({ path: b.id, kind: 'invalid', message: b.message.en }));
  throw new SeimonError('LETTER_BLOCKED', `The letter cannot be exported until these are fixed:\n${l.blockers.map((b) => `- ${b.id}: ${b.message.en}`).join('\n')}`, {
    blockers: l.blockers,
    issues,
  });
}

/** Throws LETTER_INCOMPLETE naming every missing input, as a message and as field issues. */
export function assertComplete(l: LetterDetail): void {
  if (l.missing.length === 0) return;
  const issues: FieldIssue[] = l.missing.map((m) => ({ path: m, kind: 'required', message: `${m} is missing` }));
  throw new SeimonError('LETTER_INCOMPLETE', `The letter cannot be exported; missing: ${l.missing.join(', ')}`, { missing: l.missing, issues });
}

async function render(l: LetterDetail, format: LetterFormat, now: Date): Promise<Buffer> {
  if (format === 'pdf') return renderLetterPdf(l, now);
  if (format === 'docx') return renderLetterDocx(l, now);
  return renderLetterTxt(l);
}

/** Renders a complete letter in `format` and records the export. */
export async function exportLetter(ctx: CoreContext, id: string, format: LetterFormat, now = new Date()): Promise<LetterExport> {
  const l = getLetter(ctx, id);
  assertUnblocked(l);
  assertComplete(l);
  const bytes = await render(revealBidiDeep(l), format, now); // bidi controls shown, never obeyed
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fields = fieldTexts(l);
  const rec = ctx.db.transaction(() => {
    const r = insertLetterExport(ctx.db, id, { format, sha256, sizeBytes: bytes.length, fields });
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'letter.export',
      objectType: 'letter',
      objectId: id,
      details: { caseId: l.caseId, regime: l.regime, lang: l.lang, platformId: l.platform.id, format, sha256, sizeBytes: bytes.length, editedFields: l.fields.filter((f) => f.edited).map((f) => f.key) },
    });
    return r;
  })();
  return { ...rec, fileName: `${l.caseId}-${l.regime}-${l.lang}.${format}`, bytes: new Uint8Array(bytes), fields };
}
