import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import { appendAudit } from '../store/audit.js';
import { sha256File } from './hash.js';
import { findDefaultModel, findModel, insertModel } from '../store/models.js';
import type { ModelInspection } from './inspect.js';
import { inspectModelFile } from './inspect.js';
import type { ModelManifest, ModelSummary } from './manifest.js';
import { DEFAULT_HOP_SECONDS } from './manifest.js';
import { uniqueModelId } from './model-id.js';
import { modelFileName, modelFilePath, modelsDir, removeQuietly } from './paths.js';

/** What the caller knows about a model beyond what the file itself says. */
export interface ModelOrigin {
  /** Audit action: `model.import`, `model.install`, `model.bundled`. */
  action: string;
  /** Preferred id (made unique); defaults to a slug of the display name. */
  id?: string;
  displayName: string;
  preset?: string;
  licence?: string | null;
  sourceUrl?: string | null;
  language?: string | null;
  windowSeconds?: number;
  hopSeconds?: number;
  bundled?: boolean;
  /** Extra facts for the audit entry (source path, URL, ...). */
  audit?: Record<string, unknown>;
}

export interface AcceptedModel {
  model: ModelSummary;
  /** True when a model with the same bytes was already registered (nothing new was stored). */
  alreadyInstalled: boolean;
}

/**
 * Takes a candidate file already in the models folder (hashed by the caller), inspects it and, when it
 * passes, renames it to `<sha256>.onnx` and registers it with an audit entry. The candidate is always
 * consumed: refused files are deleted, so nothing is left behind.
 */
export async function acceptModelFile(
  ctx: CoreContext,
  candidate: string,
  bytes: { sha256: string; sizeBytes: number },
  origin: ModelOrigin,
): Promise<AcceptedModel> {
  try {
    const existing = findModel(ctx.db, bytes.sha256);
    if (existing && (await storedFileIntact(ctx, existing))) {
      auditAccepted(ctx, existing, origin, true);
      return { model: existing, alreadyInstalled: true };
    }
    const inspection = await inspectModelFile(
      candidate,
      origin.preset === undefined ? {} : { preset: origin.preset },
    );
    const final = path.join(modelsDir(ctx.dataDir), modelFileName(bytes.sha256));
    fs.renameSync(candidate, final);
    if (existing) {
      // The registered file was missing or altered: the same bytes, reinstalled, repair it.
      auditAccepted(ctx, existing, { ...origin, audit: { ...origin.audit, repaired: true } }, true);
      return { model: existing, alreadyInstalled: true };
    }
    try {
      return {
        model: register(ctx, buildManifest(ctx, bytes, inspection, origin), origin),
        alreadyInstalled: false,
      };
    } catch (e) {
      removeQuietly(final);
      throw e;
    }
  } finally {
    removeQuietly(candidate);
  }
}

async function storedFileIntact(ctx: CoreContext, m: ModelSummary): Promise<boolean> {
  const file = modelFilePath(ctx.dataDir, m);
  return fs.existsSync(file) && (await sha256File(file)) === m.sha256;
}

function register(ctx: CoreContext, manifest: ModelManifest, origin: ModelOrigin): ModelSummary {
  return ctx.db.transaction(() => {
    // The first model registered becomes the default, so there is always one to score with.
    const model = insertModel(ctx.db, manifest, {
      isDefault: findDefaultModel(ctx.db) === undefined,
    });
    auditAccepted(ctx, model, origin, false);
    return model;
  })();
}

function auditAccepted(
  ctx: CoreContext,
  m: ModelSummary,
  origin: ModelOrigin,
  alreadyInstalled: boolean,
): void {
  appendAudit(ctx.db, {
    actor: ctx.actor,
    action: origin.action,
    objectType: 'model',
    objectId: m.id,
    details: {
      sha256: m.sha256,
      sizeBytes: m.sizeBytes,
      preset: m.preset,
      alreadyInstalled,
      ...origin.audit,
    },
  });
}

function buildManifest(
  ctx: CoreContext,
  bytes: { sha256: string; sizeBytes: number },
  i: ModelInspection,
  o: ModelOrigin,
): ModelManifest {
  const windowSeconds = o.windowSeconds ?? i.windowSeconds;
  return {
    id: uniqueModelId(ctx.db, o.id ?? o.displayName),
    displayName: o.displayName,
    file: modelFileName(bytes.sha256),
    sha256: bytes.sha256,
    sizeBytes: bytes.sizeBytes,
    preset: i.preset,
    inputName: i.inputName,
    outputName: i.outputName,
    inputShape: i.inputShape,
    outputShape: i.outputShape,
    embeddingDim: i.embeddingDim,
    windowSeconds,
    hopSeconds: o.hopSeconds ?? Math.min(DEFAULT_HOP_SECONDS, windowSeconds / 2),
    sampleRate: i.sampleRate,
    language: o.language ?? i.language,
    licence: o.licence ?? null,
    sourceUrl: o.sourceUrl ?? null,
    calibration: null,
    metadata: i.metadata,
    bundled: o.bundled ?? false,
    installedAt: new Date().toISOString(),
  };
}
