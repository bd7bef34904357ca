import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { CoreContext } from '../core/context.js';
import { SeimonError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import { bundleFailureOf } from './bundle-failures.js';
import { appendAudit } from '../store/audit.js';
import {
  findDefaultModel,
  getModelRecord,
  listModels,
  setDefaultModelRecord,
} from '../store/models.js';
import type { ModelSummary } from './manifest.js';
import { modelFilePath } from './paths.js';

/** Every registered model, the default first. */
export function listInstalledModels(ctx: CoreContext): ModelSummary[] {
  return listModels(ctx.db);
}

/** A registered model by id or sha256 (MODEL_NOT_FOUND otherwise). */
export function getModel(ctx: CoreContext, idOrSha: string): ModelSummary {
  return getModelRecord(ctx.db, idOrSha);
}

/** The model used when none is named (MODEL_NO_DEFAULT when nothing is installed). */
export function getDefaultModel(ctx: CoreContext): ModelSummary {
  const m = findDefaultModel(ctx.db);
  const bundle = bundleFailureOf(ctx);
  if (!m && bundle) {
    // The starter model would have been the default: say why it is missing, not just that it is.
    throw new SeimonError(bundle.code as ErrorCode, `The bundled speaker model could not be set up: ${bundle.message}`);
  }
  if (!m) {
    throw new SeimonError(
      'MODEL_NO_DEFAULT',
      'No speaker model is installed. Import one (seimon models import FILE.onnx) or install one (seimon models install ID).',
    );
  }
  return m;
}

/** The named model, or the default when no name is given. */
export function resolveModel(ctx: CoreContext, idOrSha?: string | null): ModelSummary {
  return idOrSha ? getModel(ctx, idOrSha) : getDefaultModel(ctx);
}

/** Makes a model the default, with an audit entry. */
export function setDefaultModel(ctx: CoreContext, idOrSha: string): ModelSummary {
  return ctx.db.transaction(() => {
    const m = setDefaultModelRecord(ctx.db, getModelRecord(ctx.db, idOrSha).id);
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'model.set-default',
      objectType: 'model',
      objectId: m.id,
      details: { sha256: m.sha256 },
    });
    return m;
  })();
}

/** A model whose file was just re-hashed and matched its registration. */
export interface VerifiedModel {
  model: ModelSummary;
  /** Absolute path of the model file. */
  path: string;
  /** The exact bytes that were hashed: create the session from these to rule out a swap after the check. */
  bytes: Uint8Array;
}

/**
 * Re-hashes a model's file before use; refuses with MODEL_HASH_MISMATCH when the bytes changed after
 * registration and MODEL_FILE_MISSING when the file is gone. Each check is recorded in the audit log.
 */
export function openVerifiedModel(ctx: CoreContext, idOrSha?: string | null): VerifiedModel {
  const model = resolveModel(ctx, idOrSha);
  const file = modelFilePath(ctx.dataDir, model);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    auditVerify(ctx, model, 'missing', null);
    throw new SeimonError(
      'MODEL_FILE_MISSING',
      `The file of model ${model.id} is missing (${file}); reinstall it.`,
      {
        id: model.id,
        file,
      },
    );
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== model.sha256) {
    auditVerify(ctx, model, 'mismatch', actual);
    throw new SeimonError(
      'MODEL_HASH_MISMATCH',
      `Model ${model.id}: the model file changed on disk after registration; reinstall it. (expected SHA-256 ${model.sha256}, found ${actual})`,
      { id: model.id, expected: model.sha256, actual },
    );
  }
  auditVerify(ctx, model, 'ok', actual);
  return { model, path: file, bytes };
}

/** Records one hash check of a model file. */
export function auditVerify(
  ctx: CoreContext,
  m: ModelSummary,
  status: 'ok' | 'mismatch' | 'missing',
  actual: string | null,
): void {
  appendAudit(ctx.db, {
    actor: ctx.actor,
    action: 'model.verify',
    objectType: 'model',
    objectId: m.id,
    details: { sha256: m.sha256, status, actualSha256: actual },
  });
}
