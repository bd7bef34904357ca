// After export: marking a request sent (its clocks start), recording responses (a closing outcome stops
// them), and the due / overdue list. The case's status follows where its workflow allows.
import type { CoreContext } from '../core/context.js';
import type { CaseStatus } from '../domain/cases.js';
import type { DeliveryMethod, DueItem, LetterDetail } from '../domain/letters.js';
import { changeCaseStatus } from '../cases/cases.js';
import { nextStatuses } from '../cases/status.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { getCase } from '../store/cases.js';
import { getCaseLegal, getLetterRow, insertResponse, markLetterSent, openClocks, putClocks, setLetterDates } from '../store/letters.js';
import type { LetterRow } from '../store/letters.js';
import { getPlatform } from './catalog.js';
import { getLetter } from './compose.js';
import { legalData } from './data/load.js';
import { isCalendarDate } from './dates.js';
import { clocksFor, defaultReceipt, hoursLeft } from './deadlines.js';

const CASE_STATUS_FOR: Record<string, CaseStatus> = { answered: 'answered', removed: 'removed', 'partially-removed': 'answered', refused: 'refused', 'poster-objected': 'refused' };

function followCase(ctx: CoreContext, caseId: string, to: CaseStatus | undefined, note: string): void {
  if (!to) return;
  const cur = getCase(ctx.db, caseId);
  if (cur.status !== to && nextStatuses(cur.status).includes(to)) changeCaseStatus(ctx, caseId, to, note);
}

export interface SentInfo {
  /** When it was sent (default now). */
  at?: Date | undefined;
  deliveryMethod?: DeliveryMethod | null | undefined;
  /** Japan date it was received (YYYY-MM-DD); default: the sending date plus the method's usual days. */
  receivedOn?: string | null | undefined;
}

function assertDate(s: string | null | undefined, what: string): void {
  if (s != null && !isCalendarDate(s)) throw new SeimonError('INVALID_INPUT', `${what} must be a real date written YYYY-MM-DD (got ${s}).`);
}

/** Starts or restarts a letter's clocks from what is recorded on it. */
function restartClocks(ctx: CoreContext, row: LetterRow): void {
  const { facts } = getCaseLegal(ctx.db, row.caseId);
  let designated = false;
  try {
    designated = getPlatform(ctx, row.platformId).designated;
  } catch {
    // an operator dropped from the catalog: no designated-platform clock
  }
  const clocks = clocksFor(legalData().deadlines, row.regime, { receivedOn: row.receivedOn, uploaderNotifiedAt: row.uploaderNotifiedAt, electionCandidate: facts.electionCandidate, designated });
  putClocks(ctx.db, row.id, clocks);
}

/** Marks a draft sent (with how and when it was received) and starts its clocks. */
export function markSent(ctx: CoreContext, id: string, info: SentInfo = {}): LetterDetail {
  const at = info.at ?? new Date();
  if (Number.isNaN(at.getTime())) throw new SeimonError('INVALID_INPUT', 'The sending time is not a valid date.');
  assertDate(info.receivedOn, 'The receipt date');
  return ctx.db.transaction(() => {
    const row = getLetterRow(ctx.db, id);
    const method = info.deliveryMethod ?? null;
    const receivedOn = info.receivedOn ?? defaultReceipt(legalData().deadlines, at, method);
    if (receivedOn < defaultReceipt(legalData().deadlines, at, null))
      throw new SeimonError('INVALID_INPUT', `The receipt date ${receivedOn} is before the sending date.`);
    markLetterSent(ctx.db, id, { sentAt: at.toISOString(), deliveryMethod: method, receivedOn });
    restartClocks(ctx, getLetterRow(ctx.db, id));
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.sent', objectType: 'letter', objectId: id, details: { caseId: row.caseId, sentAt: at.toISOString(), deliveryMethod: method, receivedOn } });
    followCase(ctx, row.caseId, 'sent', `letter ${id}`);
    return getLetter(ctx, id);
  })();
}

/** Records (or corrects) the receipt date and/or when YouTube notified the uploader; clocks follow. */
export function recordLetterDates(ctx: CoreContext, id: string, d: { receivedOn?: string | undefined; uploaderNotifiedAt?: string | undefined }): LetterDetail {
  assertDate(d.receivedOn, 'The receipt date');
  if (d.uploaderNotifiedAt !== undefined && Number.isNaN(Date.parse(d.uploaderNotifiedAt)))
    throw new SeimonError('INVALID_INPUT', `The uploader notice time is not a date and time: ${d.uploaderNotifiedAt}`);
  return ctx.db.transaction(() => {
    const row = getLetterRow(ctx.db, id);
    if (row.status === 'draft') throw new SeimonError('LETTER_NOT_SENT', `Letter ${id} has not been marked sent.`);
    setLetterDates(ctx.db, id, d);
    restartClocks(ctx, getLetterRow(ctx.db, id));
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.dates', objectType: 'letter', objectId: id, details: { caseId: row.caseId, ...d } });
    return getLetter(ctx, id);
  })();
}

/** Records a platform's response; closing outcomes stop the clocks and close the letter. */
export function recordResponse(ctx: CoreContext, id: string, outcome: string, at: Date = new Date(), note: string | null = null): LetterDetail {
  const def = legalData().deadlines.outcomes.find((o) => o.id === outcome);
  if (!def) throw new SeimonError('LETTER_UNKNOWN_OUTCOME', `Unknown outcome "${outcome}". Known: ${legalData().deadlines.outcomes.map((o) => o.id).join(', ')}`);
  return ctx.db.transaction(() => {
    const row = getLetterRow(ctx.db, id);
    if (row.status === 'draft') throw new SeimonError('LETTER_NOT_SENT', `Letter ${id} has not been marked sent.`);
    insertResponse(ctx.db, id, { at: at.toISOString(), outcome, note, actor: ctx.actor }, def.closes);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.response', objectType: 'letter', objectId: id, details: { caseId: row.caseId, outcome, at: at.toISOString(), note, closes: def.closes } });
    followCase(ctx, row.caseId, CASE_STATUS_FOR[outcome], `letter ${id}: ${outcome}`);
    return getLetter(ctx, id);
  })();
}

/** Running clocks, soonest first; `overdue` when past due at `now`. */
export function dueList(ctx: CoreContext, now = new Date()): DueItem[] {
  const data = legalData();
  return openClocks(ctx.db).map((c) => {
    const row = getLetterRow(ctx.db, c.letterId);
    const def = data.deadlines.clocks.find((d) => d.id === c.clock);
    const left = hoursLeft(c.dueAt, now);
    let platformName = row.platformId;
    try {
      platformName = getPlatform(ctx, row.platformId).name;
    } catch {
      // a platform dropped from the catalog keeps its id in the list
    }
    return {
      letterId: row.id,
      caseId: row.caseId,
      platformId: row.platformId,
      platformName,
      regime: row.regime,
      clock: c.clock,
      label: def?.label ?? { ja: c.clock, en: c.clock },
      dueAt: c.dueAt,
      overdue: left < 0,
      hoursLeft: Math.round(left * 10) / 10,
    };
  });
}
