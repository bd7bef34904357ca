import { revealBidiDeep } from '../../core/bidi.js';
import type { CoreContext } from '../../core/context.js';
import { appendAudit } from '../../store/audit.js';
import { getRequester, saveRequester } from '../../store/letters.js';
import { addOperator, changeOperator, listPlatforms } from '../../letters/catalog.js';
import { getLetter } from '../../letters/compose.js';
import { legalData } from '../../letters/data/load.js';
import { confirmLetter, draftLetter, editLetterField, listLetters } from '../../letters/drafts.js';
import { exportLetter } from '../../letters/export.js';
import { groundsLibrary } from '../../letters/fit.js';
import { attachPowerOfAttorney, caseLegal, powerOfAttorney, setCaseLegal } from '../../letters/legal.js';
import { advocacyCsv } from '../../letters/report/csv.js';
import { advocacyReport } from '../../letters/report/gather.js';
import { advocacyPdf } from '../../letters/report/pdf.js';
import { dueList, markSent, recordLetterDates, recordResponse } from '../../letters/tracking.js';
import type { HandlerGroup } from './types.js';

type LetterOps =
  | 'platforms.list'
  | 'platforms.add'
  | 'platforms.update'
  | 'letters.confirm'
  | 'grounds.attachPoa'
  | 'grounds.poaDocument'
  | 'letters.setDates'
  | 'grounds.list'
  | 'grounds.forCase'
  | 'grounds.setForCase'
  | 'letters.requester'
  | 'letters.setRequester'
  | 'letters.draft'
  | 'letters.get'
  | 'letters.list'
  | 'letters.editField'
  | 'letters.export'
  | 'letters.markSent'
  | 'letters.recordResponse'
  | 'letters.due'
  | 'reports.advocacy';

const optDate = (s: string | undefined): Date | undefined => (s === undefined ? undefined : new Date(s));

async function advocacy(ctx: CoreContext, input: { period: 'month' | 'quarter' | 'year'; from?: string | undefined; to?: string | undefined; format: 'json' | 'csv' | 'pdf'; lang: 'ja' | 'en' }) {
  const from = input.from ? new Date(input.from).toISOString() : null;
  const to = input.to ? new Date(input.to).toISOString() : null;
  const report = advocacyReport(ctx, { period: input.period, from, to });
  if (input.format === 'json') return { report, fileName: null, bytes: null };
  const shown = revealBidiDeep(report); // bidi controls shown, never obeyed
  const bytes = input.format === 'csv' ? Buffer.from(advocacyCsv(shown, input.lang), 'utf8') : await advocacyPdf(shown, input.lang);
  return { report, fileName: `advocacy-${report.generatedAt.slice(0, 10)}.${input.format}`, bytes: new Uint8Array(bytes) };
}

/** Takedown letters: platforms, grounds, requester identity, drafts, exports, clocks, advocacy report. */
export const letterHandlers: HandlerGroup<LetterOps> = {
  'platforms.list': (ctx) => listPlatforms(ctx),
  'platforms.add': (ctx, input) => addOperator(ctx, { ...input, intakeUrl: input.intakeUrl ?? null, services: input.services.length ? input.services : [input.name] }),
  'platforms.update': (ctx, input) => changeOperator(ctx, input.id, { designated: input.designated, hosts: input.hosts }),
  'grounds.list': () => groundsLibrary(legalData()),
  'grounds.forCase': (ctx, input) => caseLegal(ctx, input.caseId),
  'grounds.setForCase': (ctx, input) => {
    const facts = Object.fromEntries(Object.entries(input.facts ?? {}).filter(([, v]) => v !== undefined));
    return setCaseLegal(ctx, input.caseId, { facts, ...(input.grounds ? { grounds: input.grounds } : {}) });
  },
  'grounds.attachPoa': (ctx, input) => attachPowerOfAttorney(ctx, input.caseId, { fileName: input.name, bytes: input.bytes, signedOn: input.signedOn }),
  'grounds.poaDocument': (ctx, input) => powerOfAttorney(ctx, input.caseId),
  'letters.requester': (ctx) => getRequester(ctx.db),
  'letters.setRequester': (ctx, input) =>
    ctx.db.transaction(() => {
      const r = saveRequester(ctx.db, { name: input.name ?? null, organisation: input.organisation ?? null, address: input.address ?? null, email: input.email ?? null, phone: input.phone ?? null });
      appendAudit(ctx.db, { actor: ctx.actor, action: 'letters.requester', objectType: 'settings', objectId: 'letters.requester', details: { ...r } });
      return r;
    })(),
  'letters.draft': (ctx, input) => draftLetter(ctx, input),
  'letters.get': (ctx, input) => getLetter(ctx, input.id),
  'letters.list': (ctx, input) => listLetters(ctx, input.caseId),
  'letters.editField': (ctx, input) => editLetterField(ctx, input.id, input.field, input.value ?? null),
  'letters.export': (ctx, input) => exportLetter(ctx, input.id, input.format),
  'letters.confirm': (ctx, input) => confirmLetter(ctx, input.id, input.blocker, input.confirmed),
  'letters.markSent': (ctx, input) => markSent(ctx, input.id, { at: optDate(input.at), deliveryMethod: input.deliveryMethod ?? null, receivedOn: input.receivedOn ?? null }),
  'letters.setDates': (ctx, input) => recordLetterDates(ctx, input.id, { receivedOn: input.receivedOn, uploaderNotifiedAt: input.uploaderNotifiedAt }),
  'letters.recordResponse': (ctx, input) => recordResponse(ctx, input.id, input.outcome, optDate(input.at), input.note ?? null),
  'letters.due': (ctx, input) => dueList(ctx, optDate(input.at)),
  'reports.advocacy': (ctx, input) => advocacy(ctx, input),
};
