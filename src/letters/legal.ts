// A case's legal facts and chosen grounds: read with their fit warnings, changed with an audit entry.
import type { CoreContext } from '../core/context.js';
import type { CaseFacts, CaseLegal } from '../domain/letters.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { getCase } from '../store/cases.js';
import { getCaseLegal, saveCaseLegal } from '../store/letters.js';
import { legalData } from './data/load.js';
import { groundWarnings } from './fit.js';

/** A case's facts, grounds and warnings. */
export function caseLegal(ctx: CoreContext, caseId: string): CaseLegal {
  getCase(ctx.db, caseId); // NOT_FOUND for an unknown case
  const { facts, grounds } = getCaseLegal(ctx.db, caseId);
  return { caseId, facts, grounds, warnings: groundWarnings(legalData(), facts, grounds) };
}

/** Changes facts and/or grounds (unknown ground ids are refused). */
export function setCaseLegal(ctx: CoreContext, caseId: string, change: { facts?: Partial<CaseFacts>; grounds?: readonly string[] }): CaseLegal {
  const known = new Set(legalData().grounds.grounds.map((g) => g.id));
  const bad = (change.grounds ?? []).filter((g) => !known.has(g));
  if (bad.length) throw new SeimonError('LETTER_UNKNOWN_GROUND', `Unknown legal ground(s): ${bad.join(', ')}. Known: ${[...known].join(', ')}`);
  return ctx.db.transaction(() => {
    const cur = caseLegal(ctx, caseId);
    const facts = { ...cur.facts, ...change.facts };
    const grounds = [...new Set(change.grounds ?? cur.grounds)];
    saveCaseLegal(ctx.db, caseId, facts, grounds);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letters.case-legal', objectType: 'case', objectId: caseId, details: { facts, grounds } });
    return caseLegal(ctx, caseId);
  })();
}
