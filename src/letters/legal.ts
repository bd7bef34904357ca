// A case's legal facts and chosen grounds: read with how each ground stands and their history,
// changed with an audit entry and a history row.
import type { CoreContext } from '../core/context.js';
import type { CaseLegalSummary } from '../domain/cases.js';
import type { CaseFacts, CaseLegal } from '../domain/letters.js';
import type { Db } from '../store/database.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { getCase } from '../store/cases.js';
import { putDocument, readDocument } from '../store/documents.js';
import { caseLegalHistory, getCaseLegal, saveCaseLegal } from '../store/letters.js';
import { legalData } from './data/load.js';
import { isCalendarDate } from './dates.js';
import { groundWarnings } from './fit.js';
import { assessGrounds } from './gate.js';

/** A case's facts, grounds, their assessments and warnings, and the history of changes. */
export function caseLegal(ctx: CoreContext, caseId: string): CaseLegal {
  getCase(ctx.db, caseId); // NOT_FOUND for an unknown case
  const { facts, grounds } = getCaseLegal(ctx.db, caseId);
  const data = legalData();
  return { caseId, facts, grounds, warnings: groundWarnings(data, facts, grounds), assessments: assessGrounds(data, facts, grounds), history: caseLegalHistory(ctx.db, caseId) };
}

/** The chosen grounds (with names and status) and facts, as the case summary, evidence pack and report show them. */
export function caseLegalSummary(db: Db, caseId: string): CaseLegalSummary {
  const { facts, grounds } = getCaseLegal(db, caseId);
  return { grounds: assessGrounds(legalData(), facts, grounds).map((a) => ({ id: a.id, name: a.name, status: a.status })), facts };
}

/** Changes facts and/or grounds (unknown ground ids and impossible dates are refused). */
export function setCaseLegal(ctx: CoreContext, caseId: string, change: { facts?: Partial<CaseFacts>; grounds?: readonly string[] }): CaseLegal {
  const known = new Set(legalData().grounds.grounds.map((g) => g.id));
  const bad = (change.grounds ?? []).filter((g) => !known.has(g));
  if (bad.length) throw new SeimonError('LETTER_UNKNOWN_GROUND', `Unknown legal ground(s): ${bad.join(', ')}. Known: ${[...known].join(', ')}`);
  const poa = change.facts?.poaSignedOn;
  if (poa && !isCalendarDate(poa)) throw new SeimonError('INVALID_INPUT', `The power of attorney date must be a real date written YYYY-MM-DD (got ${poa}).`);
  return ctx.db.transaction(() => {
    const cur = getCaseLegal(ctx.db, caseId);
    getCase(ctx.db, caseId);
    const facts = { ...cur.facts, ...change.facts };
    const grounds = [...new Set(change.grounds ?? cur.grounds)];
    saveCaseLegal(ctx.db, caseId, facts, grounds, ctx.actor);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letters.case-legal', objectType: 'case', objectId: caseId, details: { facts, grounds } });
    return caseLegal(ctx, caseId);
  })();
}

/** Stores the power of attorney (委任状) with the case and records its date; letters then cite its SHA-256. */
export function attachPowerOfAttorney(ctx: CoreContext, caseId: string, doc: { fileName: string; bytes: Uint8Array; signedOn: string }): CaseLegal {
  if (!isCalendarDate(doc.signedOn)) throw new SeimonError('INVALID_INPUT', `The power of attorney date must be a real date written YYYY-MM-DD (got ${doc.signedOn}).`);
  getCase(ctx.db, caseId);
  const stored = putDocument(ctx.dataDir, doc.bytes);
  const poaDocument = { fileName: doc.fileName, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
  return setCaseLegal(ctx, caseId, { facts: { poaSignedOn: doc.signedOn, poaDocument } });
}

/** The stored power of attorney of a case (NOT_FOUND when none was attached), checked against its hash. */
export function powerOfAttorney(ctx: CoreContext, caseId: string): { fileName: string; sha256: string; bytes: Uint8Array } {
  const { facts } = getCaseLegal(ctx.db, caseId);
  if (!facts.poaDocument) throw new SeimonError('NOT_FOUND', `Case ${caseId} has no power of attorney attached.`);
  return { fileName: facts.poaDocument.fileName, sha256: facts.poaDocument.sha256, bytes: readDocument(ctx.dataDir, facts.poaDocument.sha256) };
}
