// A letter as the editor and the renderers see it: template texts filled from the case, the user's
// per-field edits applied, what is still missing, and the fit warnings.
import type { CoreContext } from '../core/context.js';
import type { LetterClock, LetterDetail, LetterField } from '../domain/letters.js';
import { getLetterRow, lastExportFields, listClocks, listEdits, listLetterExports, listResponses } from '../store/letters.js';
import type { LetterRow } from '../store/letters.js';
import { getPlatform } from './catalog.js';
import { legalData } from './data/load.js';
import type { LegalData } from './data/load.js';
import { groundWarnings, regimeWarnings } from './fit.js';
import { letterSource } from './source.js';
import { fill } from './template.js';
import { letterVars } from './vars.js';

function clocksOf(ctx: CoreContext, data: LegalData, row: LetterRow): LetterClock[] {
  return listClocks(ctx.db, row.id).map((c) => {
    const def = data.deadlines.clocks.find((d) => d.id === c.clock);
    return {
      clock: c.clock,
      label: def?.label[row.lang] ?? c.clock,
      basis: def?.basis[row.lang] ?? '',
      text: {
        ja: { label: def?.label.ja ?? c.clock, basis: def?.basis.ja ?? '' },
        en: { label: def?.label.en ?? c.clock, basis: def?.basis.en ?? '' },
      },
      note: def?.note[row.lang] ?? '',
      startedAt: c.startedAt,
      dueAt: c.dueAt,
      closedAt: c.closedAt,
    };
  });
}

/** The full letter for a stored row (texts regenerated from the case as it is now). */
export function composeLetter(ctx: CoreContext, row: LetterRow, now = new Date()): LetterDetail {
  const data = legalData();
  const t = data.templates[row.regime];
  const lang = row.lang;
  const platform = getPlatform(ctx, row.platformId);
  const src = letterSource(ctx, row.caseId, platform, row.sentAt ? new Date(row.sentAt) : now);
  const { vars, problems } = letterVars(src, data, lang);
  // Once sent, a letter reads as it was last exported, whatever has changed in the case since.
  const frozen = row.status === 'draft' ? null : lastExportFields(ctx.db, row.id);
  const fields: LetterField[] = t.fields.map((f) => {
    const generated = fill(f.text[lang], vars);
    const override = frozen?.find((x) => x.key === f.key)?.text ?? row.overrides[f.key];
    const edited = override !== undefined;
    const missing = edited && override.trim() !== '' ? [] : f.requires.flatMap((v) => problems[v] ?? (vars[v]?.trim() ? [] : [v]));
    return { key: f.key, label: f.label[lang], value: edited ? override : generated, generated, edited, verbatimToPoster: f.verbatimToPoster, missing };
  });
  return {
    id: row.id,
    caseId: row.caseId,
    regime: row.regime,
    lang,
    platform,
    status: row.status,
    title: t.title[lang],
    subtitle: t.subtitle[lang],
    addressee: fill(t.addressee[lang], vars),
    sender: [src.requester.organisation, src.requester.name].filter(Boolean).join('\n'),
    opening: fill(t.opening[lang], vars),
    closing: fill(t.closing[lang], vars),
    signature: fill(t.signature[lang], vars),
    date: vars.date ?? '',
    fields,
    missing: [...new Set(fields.flatMap((f) => f.missing))],
    warnings: [...groundWarnings(data, src.facts, src.grounds), ...regimeWarnings(data, src.facts, row.regime)],
    notes: t.notes[lang],
    edits: listEdits(ctx.db, row.id),
    exports: listLetterExports(ctx.db, row.id),
    clocks: clocksOf(ctx, data, row),
    responses: listResponses(ctx.db, row.id),
    sentAt: row.sentAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A letter by id, composed. */
export const getLetter = (ctx: CoreContext, id: string): LetterDetail => composeLetter(ctx, getLetterRow(ctx.db, id));
