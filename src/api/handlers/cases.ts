import { caseDetail, changeCaseStatus, createCase, updateCase } from '../../cases/cases.js';
import { listCases } from '../../store/cases.js';
import { walkAuditChain } from '../../evidence/audit-chain.js';
import type { HandlerGroup } from './types.js';

type CaseOps = 'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.updateStatus' | 'audit.verify';

/** Cases (takedown matters) and the audit log. */
export const caseHandlers: HandlerGroup<CaseOps> = {
  'cases.list': (ctx) => listCases(ctx.db),

  'cases.get': (ctx, input) => caseDetail(ctx, input.id),

  'cases.create': (ctx, input) => caseDetail(ctx, createCase(ctx, input).id),

  'cases.update': (ctx, input) => {
    const { id, title, ...fields } = input;
    return caseDetail(ctx, updateCase(ctx, id, { ...fields, title: title ?? undefined }).id);
  },

  'cases.updateStatus': (ctx, input) => caseDetail(ctx, changeCaseStatus(ctx, input.id, input.status, input.note ?? null).id),

  'audit.verify': (ctx) => walkAuditChain(ctx.db),
};
