// Drafting and editing letters; every draft and edit is one transaction with its audit entry.
import type { CoreContext } from '../core/context.js';
import type { GuidelineForm, Lang, LetterDetail, LetterRegime } from '../domain/letters.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { getCase } from '../store/cases.js';
import { findDraft, getCaseLegal, getLetterRow, insertLetter, listLetterRows, setConfirmed, setOverride } from '../store/letters.js';
import { getPlatform, suggestedRegime } from './catalog.js';
import { composeLetter, getLetter } from './compose.js';
import { legalData, templateId } from './data/load.js';
import { assessGrounds } from './gate.js';

export interface DraftRequest {
  caseId: string;
  regime?: LetterRegime | null | undefined;
  lang: Lang;
  /** Platform or operator id; defaults to the case's platform field when it names one. */
  platformId?: string | null | undefined;
  /** Guideline form; by default the copyright form when the case's grounds are all copyright grounds. */
  form?: GuidelineForm | null | undefined;
}

/** The guideline form the case's grounds call for: copyright only when every stated ground is a copyright one. */
function formFor(ctx: CoreContext, caseId: string): GuidelineForm {
  const data = legalData();
  const { facts, grounds } = getCaseLegal(ctx.db, caseId);
  const families = assessGrounds(data, facts, grounds)
    .filter((a) => a.status !== 'contradicted')
    .map((a) => data.grounds.grounds.find((g) => g.id === a.id)!.family);
  return families.length > 0 && families.every((f) => f === 'copyright') ? 'copyright' : 'personality';
}

/** Drafts a request for a case, or returns the open draft with the same case, regime, language and platform. */
export function draftLetter(ctx: CoreContext, req: DraftRequest): LetterDetail {
  const c = getCase(ctx.db, req.caseId);
  const platformId = req.platformId ?? c.platform;
  if (!platformId) throw new SeimonError('LETTER_NO_PLATFORM', 'Choose the platform or operator the request goes to (platformId).');
  const platform = getPlatform(ctx, platformId);
  const regime = req.regime ?? suggestedRegime(platform);
  if (regime === 'idpa' && !platform.designated)
    throw new SeimonError(
      'LETTER_NOT_DESIGNATED',
      `${platform.name} (${platform.operator}) is not a designated large platform: the Art 22 request and its 7-day clock do not apply. Use --regime guideline (送信防止措置依頼書) or, where the operator itself posts the content, --regime warning (警告書).`,
    );
  const form = regime === 'guideline' ? (req.form ?? formFor(ctx, c.id)) : null;
  const key = { caseId: c.id, regime, form, lang: req.lang, platformId: platform.id };
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
    const keys = legalData().templates[templateId(row.regime, row.form)].fields.map((f) => f.key);
    if (!keys.includes(field)) throw new SeimonError('LETTER_UNKNOWN_FIELD', `A ${row.regime} letter has no field "${field}". Fields: ${keys.join(', ')}`);
    setOverride(ctx.db, id, field, value, ctx.actor);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.edit', objectType: 'letter', objectId: id, details: { field, value, previous: row.overrides[field] ?? null } });
    return getLetter(ctx, id);
  })();
}

/** Confirms (or withdraws the confirmation of) a confirmable blocker of a draft, e.g. a URL host mismatch. */
export function confirmLetter(ctx: CoreContext, id: string, blocker: string, confirmed: boolean): LetterDetail {
  return ctx.db.transaction(() => {
    const row = getLetterRow(ctx.db, id);
    if (row.status !== 'draft') throw new SeimonError('LETTER_NOT_DRAFT', `Letter ${id} was sent; it can no longer be changed.`);
    const open = composeLetter(ctx, { ...row, confirmed: [] }).blockers;
    const target = open.find((b) => b.id === blocker);
    if (confirmed && !target?.confirmable)
      throw new SeimonError(
        'LETTER_NOT_CONFIRMABLE',
        target ? `"${blocker}" cannot be confirmed away; fix it: ${target.message.en}` : `Letter ${id} has no open item "${blocker}". Open: ${open.map((b) => b.id).join(', ') || '(none)'}`,
      );
    const next = confirmed ? [...row.confirmed, blocker] : row.confirmed.filter((x) => x !== blocker);
    setConfirmed(ctx.db, id, next);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.confirm', objectType: 'letter', objectId: id, details: { blocker, confirmed, message: target?.message.en ?? null } });
    return getLetter(ctx, id);
  })();
}

/** Letters, newest first (of one case when given). */
export function listLetters(ctx: CoreContext, caseId?: string): LetterDetail[] {
  return listLetterRows(ctx.db, caseId).map((r) => composeLetter(ctx, r));
}
