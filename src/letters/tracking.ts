// After export: marking a request sent (its clocks start), recording responses (a closing outcome stops
// them), and the due / overdue list. The case's status follows where its workflow allows.
import type { CoreContext } from '../core/context.js';
import type { CaseStatus } from '../domain/cases.js';
import type { DueItem, LetterDetail } from '../domain/letters.js';
import { changeCaseStatus } from '../cases/cases.js';
import { nextStatuses } from '../cases/status.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { getCase } from '../store/cases.js';
import { getCaseLegal, getLetterRow, insertResponse, markLetterSent, openClocks } from '../store/letters.js';
import { getPlatform } from './catalog.js';
import { getLetter } from './compose.js';
import { legalData } from './data/load.js';
import { clocksFor, hoursLeft } from './deadlines.js';

const CASE_STATUS_FOR: Record<string, CaseStatus> = { answered: 'answered', removed: 'removed', 'partially-removed': 'answered', refused: 'refused', 'poster-objected': 'refused' };

function followCase(ctx: CoreContext, caseId: string, to: CaseStatus | undefined, note: string): void {
  if (!to) return;
  const cur = getCase(ctx.db, caseId);
  if (cur.status !== to && nextStatuses(cur.status).includes(to)) changeCaseStatus(ctx, caseId, to, note);
}

/** Marks a draft sent at `at` (default now) and starts its clocks. */
export function markSent(ctx: CoreContext, id: string, at: Date = new Date()): LetterDetail {
  if (Number.isNaN(at.getTime())) throw new SeimonError('INVALID_INPUT', 'The sending time is not a valid date.');
  return ctx.db.transaction(() => {
    const row = getLetterRow(ctx.db, id);
    const { facts } = getCaseLegal(ctx.db, row.caseId);
    const clocks = clocksFor(legalData().deadlines, row.regime, at, facts.electionCandidate);
    markLetterSent(ctx.db, id, at.toISOString(), clocks);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letter.sent', objectType: 'letter', objectId: id, details: { caseId: row.caseId, sentAt: at.toISOString(), clocks } });
    followCase(ctx, row.caseId, 'sent', `letter ${id}`);
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
