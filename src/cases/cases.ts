// The case workflow over the store: every change is one transaction with its audit entry.
import type { CoreContext } from '../core/context.js';
import type { Case, CaseDetail, CaseStatus } from '../domain/cases.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { caseHistory, getCase, insertCase, listExports, setCaseStatus, updateCaseFields } from '../store/cases.js';
import type { CaseFields } from '../store/cases.js';
import { getPerformer } from '../store/performers.js';
import { getSuspect } from '../store/suspects.js';
import { caseLegalSummary } from '../letters/legal.js';
import { assertTransition, nextStatuses } from './status.js';

export interface NewCase extends Omit<CaseFields, 'title'> {
  title?: string | null | undefined;
  performerIds: readonly string[];
  suspectIds: readonly string[];
}

/** Opens a draft case for performers and suspects (each must exist); the title defaults to "performer × suspect". */
export function createCase(ctx: CoreContext, input: NewCase): Case {
  if (input.performerIds.length === 0 || input.suspectIds.length === 0)
    throw new SeimonError('INVALID_INPUT', 'A case needs at least one performer and one suspect.');
  return ctx.db.transaction(() => {
    const performers = input.performerIds.map((id) => getPerformer(ctx.db, id));
    const suspects = input.suspectIds.map((id) => getSuspect(ctx.db, id));
    const title = input.title ?? `${performers.map((p) => p.name).join(', ')} × ${suspects.map((s) => s.label).join(', ')}`;
    const c = insertCase(ctx.db, { ...input, title }, ctx.actor);
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'case.create',
      objectType: 'case',
      objectId: c.id,
      details: {
        title: c.title,
        performerIds: c.performers.map((p) => p.id),
        suspectIds: c.suspects.map((s) => s.id),
        clipSha256s: suspects.flatMap((s) => s.clips.map((k) => k.sha256)),
        platform: c.platform,
        legalGrounds: c.legalGrounds,
        modelId: c.modelId,
      },
    });
    return c;
  })();
}

/** Changes a case's free fields (title, platform, legal grounds, notes, model). */
export function updateCase(ctx: CoreContext, id: string, fields: CaseFields): Case {
  return ctx.db.transaction(() => {
    const c = updateCaseFields(ctx.db, id, fields);
    const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    appendAudit(ctx.db, { actor: ctx.actor, action: 'case.update', objectType: 'case', objectId: id, details: changed });
    return c;
  })();
}

/** Moves a case along its workflow (CASE_BAD_TRANSITION when the step is not allowed). */
export function changeCaseStatus(ctx: CoreContext, id: string, to: CaseStatus, note: string | null = null): Case {
  return ctx.db.transaction(() => {
    const cur = getCase(ctx.db, id);
    assertTransition(cur.status, to);
    const c = setCaseStatus(ctx.db, id, cur.status, to, note, ctx.actor);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'case.status', objectType: 'case', objectId: id, details: { from: cur.status, to, note } });
    return c;
  })();
}

/** A case with its history, exports and allowed next statuses. */
export function caseDetail(ctx: CoreContext, id: string): CaseDetail {
  const c = getCase(ctx.db, id);
  return { ...c, legal: caseLegalSummary(ctx.db, id), history: caseHistory(ctx.db, id), exports: listExports(ctx.db, id), nextStatuses: nextStatuses(c.status) };
}
