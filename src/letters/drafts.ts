// Drafting and editing letters; every draft and edit is one transaction with its audit entry.
import type { CoreContext } from '../core/context.js';
import type { Lang, LetterDetail, LetterRegime } from '../domain/letters.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { getCase } from '../store/cases.js';
import { findDraft, getLetterRow, insertLetter, listLetterRows, setOverride } from '../store/letters.js';
import { getPlatform, suggestedRegime } from './catalog.js';
import { composeLetter, getLetter } from './compose.js';
import { legalData } from './data/load.js';

export interface DraftRequest {
  caseId: string;
  regime?: LetterRegime | null | undefined;
  lang: Lang;
  /** Platform or operator id; defaults to the case's platform field when it names one. */
  platformId?: string | null | undefined;
}

/** Drafts a request for a case, or returns the open draft with the same case, regime, language and platform. */
export function draftLetter(ctx: CoreContext, req: DraftRequest): LetterDetail {
  const c = getCase(ctx.db, req.caseId);
  const platformId = req.platformId ?? c.platform;
  if (!platformId) throw new SeimonError('LETTER_NO_PLATFORM', 'Choose the platform or operator the request goes to (platformId).');
  const platform = getPlatform(ctx, platformId);
  const regime = req.regime ?? suggestedRegime(platform);
  const key = { caseId: c.id, regime, lang: req.lang, platformId: platform.id };
  return ctx.db.transaction(() => {
    const existing = findDraft(ctx.db, key);
    if (existing) return composeLetter(ctx, existing);
    const row = insertLetter(ctx.db, key);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.draft', objectType: 'letter', objectId: row.id, details: { ...key, platformName: platform.name } });
    return composeLetter(ctx, row);
  })();
}

/** Replaces one field's text (null goes back to the generated text); only drafts can be edited. */
export function editLetterField(ctx: CoreContext, id: string, field: string, value: string | null): LetterDetail {
  return ctx.db.transaction(() => {
    const row = getLetterRow(ctx.db, id);
    if (row.status !== 'draft') throw new SeimonError('LETTER_NOT_DRAFT', `Letter ${id} was sent; it can no longer be edited.`);
    const keys = legalData().templates[row.regime].fields.map((f) => f.key);
    if (!keys.includes(field)) throw new SeimonError('LETTER_UNKNOWN_FIELD', `A ${row.regime} letter has no field "${field}". Fields: ${keys.join(', ')}`);
    setOverride(ctx.db, id, field, value, ctx.actor);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.edit', objectType: 'letter', objectId: id, details: { field, value, previous: row.overrides[field] ?? null } });
    return getLetter(ctx, id);
  })();
}

/** Letters, newest first (of one case when given). */
export function listLetters(ctx: CoreContext, caseId?: string): LetterDetail[] {
  return listLetterRows(ctx.db, caseId).map((r) => composeLetter(ctx, r));
}
