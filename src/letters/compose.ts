// A letter as the editor and the renderers see it: the template for its regime (and guideline form),
// gated by the case's facts (only grounds not contradicted, unknown ones as belief), filled from the
// case, the user's per-field edits applied, what is missing, what blocks export, and warnings.
import type { CoreContext } from '../core/context.js';
import type { FitWarning, LetterClock, LetterDetail, LetterField } from '../domain/letters.js';
import { getLetterRow, lastExportFields, listClocks, listEdits, listLetterExports, listResponses } from '../store/letters.js';
import type { LetterRow } from '../store/letters.js';
import { getPlatform } from './catalog.js';
import { legalData, templateId } from './data/load.js';
import type { LegalData } from './data/load.js';
import { gateLetter } from './gate.js';
import { letterSource } from './source.js';
import type { LetterSource } from './source.js';
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
      dueOn: c.dueOn,
      closedAt: c.closedAt,
    };
  });
}

function packWarnings(src: LetterSource): FitWarning[] {
  if (!src.unfitPack) return [];
  return [
    {
      subject: 'attachments',
      level: 'caution',
      message: {
        ja: `最新の証拠パック「${src.unfitPack.fileName}」は内部用（参照音声や他の出演者の情報を含み得る）のため、宛先には添付・引用しません。提出先向けの証拠パックを書き出してください。`,
        en: `The newest evidence pack "${src.unfitPack.fileName}" is an internal pack (it may hold reference audio or other performers' data), so it is neither attached nor cited. Export the recipient version for recipients.`,
      },
    },
  ];
}

/** The full letter for a stored row (texts regenerated from the case as it is now). */
export function composeLetter(ctx: CoreContext, row: LetterRow, now = new Date()): LetterDetail {
  const data = legalData();
  const t = data.templates[templateId(row.regime, row.form)];
  const lang = row.lang;
  const platform = getPlatform(ctx, row.platformId);
  const src = letterSource(ctx, row.caseId, platform, row.sentAt ? new Date(row.sentAt) : now);
  const gate = gateLetter(data, t, {
    facts: src.facts,
    grounds: src.grounds,
    platform,
    urls: src.suspects.map((s) => s.url ?? ''),
    confirmed: row.confirmed,
    signer: src.requester.name,
    performerNames: src.performers.flatMap((p) => [p.name, p.kana ?? '', p.romaji ?? '']),
  });
  const { vars, problems } = letterVars(src, data, lang, t, gate.carried);
  // Once sent, a letter reads as it was last exported, whatever has changed in the case since.
  const frozen = row.status === 'draft' ? null : lastExportFields(ctx.db, row.id);
  const fields: LetterField[] = t.fields.map((f) => {
    const generated = fill(f.text[lang], vars);
    const edited = row.overrides[f.key] !== undefined;
    const value = frozen?.find((x) => x.key === f.key)?.text ?? row.overrides[f.key] ?? generated;
    const missing = edited && value.trim() !== '' ? [] : f.requires.flatMap((v) => problems[v] ?? (vars[v]?.trim() ? [] : [v]));
    return { key: f.key, label: f.label[lang], value, generated, edited, verbatimToPoster: f.verbatimToPoster, missing };
  });
  const closing = !gate.allConfirmed && t.beliefClosing ? t.beliefClosing : t.closing;
  return {
    id: row.id,
    caseId: row.caseId,
    regime: row.regime,
    form: row.form,
    lang,
    platform,
    status: row.status,
    grounds: gate.carried,
    blockers: gate.blockers,
    confirmed: row.confirmed,
    attachments: vars.attachments ? vars.attachments.split('\n').map((x) => x.replace(/^・/, '')) : [],
    title: t.title[lang],
    subtitle: t.subtitle[lang],
    addressee: fill(t.addressee[lang], vars),
    sender: [src.requester.organisation, src.requester.name].filter(Boolean).join('\n'),
    opening: fill(t.opening[lang], vars),
    closing: fill(closing[lang], vars),
    signature: fill(t.signature[lang], vars),
    date: vars.date ?? '',
    fields,
    missing: [...new Set(fields.flatMap((f) => f.missing))],
    warnings: [...gate.warnings, ...packWarnings(src)],
    notes: fill(t.notes[lang], vars),
    edits: listEdits(ctx.db, row.id),
    exports: listLetterExports(ctx.db, row.id),
    clocks: clocksOf(ctx, data, row),
    responses: listResponses(ctx.db, row.id),
    sentAt: row.sentAt,
    deliveryMethod: row.deliveryMethod,
    receivedOn: row.receivedOn,
    uploaderNotifiedAt: row.uploaderNotifiedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A letter by id, composed. */
export const getLetter = (ctx: CoreContext, id: string): LetterDetail => composeLetter(ctx, getLetterRow(ctx.db, id));
