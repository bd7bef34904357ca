import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../core/context.js';
import { caseDetail, changeCaseStatus, createCase, updateCase } from '../../cases/cases.js';
import { listCases } from '../../store/cases.js';
import { installationKey } from '../../evidence/installation-key.js';
import { exportEvidencePack } from '../../evidence/pack/export.js';
import { verifyPack } from '../../evidence/verify.js';
import { walkAuditChain } from '../../evidence/audit-chain.js';
import type { HandlerGroup } from './types.js';

type CaseOps = 'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.updateStatus' | 'evidence.export' | 'evidence.verify' | 'evidence.key' | 'audit.verify';

/** Where packs exported through the API go: the renderer cannot name paths, so the core picks the folder. */
export function exportsDir(ctx: CoreContext): string {
  return path.join(ctx.dataDir, 'exports');
}

/** `<case id>-<UTC time>.zip`, unique within the exports folder. */
function exportName(caseId: string, now = new Date()): string {
  return `${caseId}-${now.toISOString().replace(/[:.]/g, '').replace('T', '-')}.zip`;
}

/** Cases (takedown matters) and their evidence packs. */
export const caseHandlers: HandlerGroup<CaseOps> = {
  'cases.list': (ctx) => listCases(ctx.db),

  'cases.get': (ctx, input) => caseDetail(ctx, input.id),

  'cases.create': (ctx, input) => caseDetail(ctx, createCase(ctx, input).id),

  'cases.update': (ctx, input) => {
    const { id, title, ...fields } = input;
    return caseDetail(ctx, updateCase(ctx, id, { ...fields, title: title ?? undefined }).id);
  },

  'cases.updateStatus': (ctx, input) => caseDetail(ctx, changeCaseStatus(ctx, input.id, input.status, input.note ?? null).id),

  'evidence.export': async (ctx, input) => {
    const dir = exportsDir(ctx);
    fs.mkdirSync(dir, { recursive: true });
    const { id, fileName, sha256, sizeBytes, manifestSha256, lang, withReferenceAudio, createdAt } = await exportEvidencePack(ctx, {
      caseId: input.caseId,
      out: path.join(dir, exportName(input.caseId)),
      lang: input.lang,
      includeReferenceAudio: input.includeReferenceAudio,
    });
    return { id, fileName, sha256, sizeBytes, manifestSha256, lang, withReferenceAudio, createdAt };
  },

  'evidence.verify': (ctx, input) => {
    const r = verifyPack(path.join(exportsDir(ctx), path.basename(input.fileName)));
    return r.ok ? { ok: true, files: r.files, fingerprint: r.fingerprint } : r;
  },

  'evidence.key': (ctx) => {
    const { algorithm, publicKeyPem, fingerprint } = installationKey(ctx);
    return { algorithm, publicKeyPem, fingerprint };
  },

  'audit.verify': (ctx) => walkAuditChain(ctx.db),
};
