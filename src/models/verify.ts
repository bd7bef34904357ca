import fs from 'node:fs';
import type { ModelCheck } from '../domain/model-checks.js';
import type { CoreContext } from '../core/context.js';
import { sha256File } from './hash.js';
import { listModels } from '../store/models.js';
import { modelFilePath } from './paths.js';
import { auditVerify } from './registry.js';

export type { ModelCheck };

/** Re-hashes every registered model file (one at a time, streamed) and records each check. */
export async function verifyAllModels(ctx: CoreContext): Promise<ModelCheck[]> {
  const checks: ModelCheck[] = [];
  for (const m of listModels(ctx.db)) {
    const file = modelFilePath(ctx.dataDir, m);
    const actual = fs.existsSync(file) ? await sha256File(file) : null;
    const status = actual === null ? 'missing' : actual === m.sha256 ? 'ok' : 'mismatch';
    auditVerify(ctx, m, status, actual);
    checks.push({
      id: m.id,
      displayName: m.displayName,
      file,
      sha256: m.sha256,
      status,
      actualSha256: actual,
    });
  }
  return checks;
}
