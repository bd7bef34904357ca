import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CoreContext } from '../core/context.js';
import { isSeimonError } from '../core/errors.js';
import { findDefaultModel, findModel, updateModelCalibration, updateModelManifest } from '../store/models.js';
import { appendAudit } from '../store/audit.js';
import { importModelFile } from './import.js';
import type { ModelSummary } from './manifest.js';
import { modelFilePath } from './paths.js';
import { setDefaultModel } from './registry.js';
import { recordBundleFailure } from './bundle-failures.js';
import { isDiskFull } from '../core/disk-full.js';
import type { SpeechEerTable } from '../domain/short-speech.js';
import { parseSpeechEerTable, sameSpeechEer } from './speech-eer.js';

/** The fields of a bundled model's manifest.json that registration uses (others are ignored). */
const bundledManifestSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().min(1),
  file: z.string().min(1),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/i)
    .nullish(),
  preset: z.string().optional(),
  windowSeconds: z.number().positive().optional(),
  hopSeconds: z.number().positive().optional(),
  language: z.string().nullish(),
  licence: z.string().nullish(),
  sourceUrl: z.string().nullish(),
  /** Score calibration fitted by the project on held-out speakers (see the model card). */
  calibration: z.record(z.string(), z.unknown()).nullish(),
  /** Measured EER by speech length (checked by parseSpeechEerTable, which names what is wrong). */
  eerBySpeech: z.unknown().optional(),
});

export interface BundledRegistration {
  registered: ModelSummary[];
  /** Already registered (idempotent re-run). */
  present: ModelSummary[];
  failed: { dir: string; code: string; message: string }[];
}

/** The bundled-model folder: $SEIMON_BUNDLED_MODELS_DIR, the app's resources when packaged, else `models/starter` in the repo. */
export function defaultBundledDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEIMON_BUNDLED_MODELS_DIR) return path.resolve(env.SEIMON_BUNDLED_MODELS_DIR);
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Packaged app: resources/models/starter. Unpackaged Electron (npm start) has a resourcesPath too,
  // without the models, so fall through to the repo's folder when it is absent.
  const candidates = [
    ...(resources ? [path.join(resources, 'models', 'starter')] : []),
    path.resolve(here, '..', '..', 'models', 'starter'),
    path.resolve(here, '..', '..', '..', 'models', 'starter'),
  ];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0]!;
}

/**
 * Registers every model shipped in a bundled folder (its manifest.json, or one per subfolder), copying
 * each into the data folder. Idempotent: models already registered are left alone. The first one
 * becomes the default when no default exists, or when the default is an earlier bundled model that
 * this bundle no longer ships (an update). A broken bundle is reported, never thrown, so the app starts.
 */
export async function registerBundledModels(
  ctx: CoreContext,
  dir = defaultBundledDir(),
): Promise<BundledRegistration> {
  const out: BundledRegistration = { registered: [], present: [], failed: [] };
  for (const folder of manifestFolders(dir)) {
    try {
      const r = await registerOne(ctx, folder);
      (r.fresh ? out.registered : out.present).push(r.model);
    } catch (e) {
      const code = isSeimonError(e) ? e.code : isDiskFull(e) ? 'DISK_FULL' : 'MODEL_BUNDLE_INVALID';
      out.failed.push({ dir: folder, code, message: (e as Error).message });
    }
  }
  recordBundleFailure(ctx, out.failed[0] ?? null);
  const first = out.registered[0] ?? out.present[0];
  const current = findDefaultModel(ctx.db);
  if (first && (!current || replacedBundledDefault(current, out))) setDefaultModel(ctx, first.id);
  return out;
}

/**
 * An app update that ships a new starter model moves the default from the starter it replaced (still
 * registered, so earlier results stay reproducible). A default the user imported is never touched.
 */
function replacedBundledDefault(current: ModelSummary, bundle: BundledRegistration): boolean {
  if (!current.bundled || bundle.registered.length === 0) return false;
  return ![...bundle.registered, ...bundle.present].some((m) => m.sha256 === current.sha256);
}

function manifestFolders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const hasManifest = (d: string) => fs.existsSync(path.join(d, 'manifest.json'));
  const subs = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .filter(hasManifest)
    .sort();
  return hasManifest(dir) ? [dir, ...subs] : subs;
}

async function registerOne(
  ctx: CoreContext,
  folder: string,
): Promise<{ model: ModelSummary; fresh: boolean }> {
  const m = bundledManifestSchema.parse(
    JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')),
  );
  // Checked before anything is registered or changed: a bad table refuses the bundle, losing nothing.
  const eerBySpeech = m.eerBySpeech === undefined ? undefined : parseSpeechEerTable(m.eerBySpeech, path.join(folder, 'manifest.json'));
  const adopt = (model: ModelSummary) => adoptBundledSpeechEer(ctx, adoptBundledCalibration(ctx, model, m.calibration), eerBySpeech);
  const known = m.sha256 ? findModel(ctx.db, m.sha256) : undefined;
  // Cheap path on every later start: registered, file in place (its hash is checked before each use).
  if (known && fs.existsSync(modelFilePath(ctx.dataDir, known)))
    return { model: adopt(adoptBundledHop(ctx, known, m.hopSeconds)), fresh: false };
  const r = await importModelFile(ctx, path.join(folder, path.basename(m.file)), {
    preset: m.preset,
    displayName: m.displayName,
    expectedSha256: m.sha256,
    origin: {
      action: 'model.bundled',
      id: m.id,
      bundled: true,
      licence: m.licence ?? null,
      sourceUrl: m.sourceUrl ?? null,
      ...(m.language ? { language: m.language } : {}),
      ...(m.windowSeconds ? { windowSeconds: m.windowSeconds } : {}),
      ...(m.hopSeconds ? { hopSeconds: m.hopSeconds } : {}),
      audit: { bundleDir: folder },
    },
  });
  return { model: adopt(r.model), fresh: !r.alreadyInstalled };
}

/**
 * A bundled model's measured EER by speech length follows its manifest: registered with the model, and
 * taken by an install registered before the manifest carried it (or carried other figures), also when
 * the same file (same SHA-256) was imported by hand. A manifest without the table leaves the stored one alone.
 */
function adoptBundledSpeechEer(ctx: CoreContext, model: ModelSummary, table: SpeechEerTable | undefined): ModelSummary {
  if (!table || sameSpeechEer(model.eerBySpeech, table)) return model;
  return auditedUpdate(ctx, model, 'model.speech-eer', () => updateModelManifest(ctx.db, model.id, { eerBySpeech: table }), {
    rows: table.rows.length,
    replaced: model.eerBySpeech ? true : false,
  });
}

/** Applies a change to a registered model's manifest and audits it in one transaction. */
function auditedUpdate(ctx: CoreContext, model: ModelSummary, action: string, update: () => ModelSummary, details: Record<string, unknown>): ModelSummary {
  return ctx.db.transaction(() => {
    const updated = update();
    appendAudit(ctx.db, { actor: ctx.actor, action, objectType: 'model', objectId: model.id, details: { sha256: model.sha256, source: 'bundled', ...details } });
    return updated;
  })();
}

/**
 * A bundled model's window hop (its timeline's) follows its manifest: if the project measures and changes
 * it, an install registered under the older hop takes the new one, audited. Embeddings are cached per
 * hop, so nothing computed under the old one is read as the new.
 */
function adoptBundledHop(ctx: CoreContext, model: ModelSummary, hopSeconds: number | undefined): ModelSummary {
  if (!model.bundled || !hopSeconds || model.hopSeconds === hopSeconds) return model;
  return auditedUpdate(ctx, model, 'model.window-plan', () => updateModelManifest(ctx.db, model.id, { hopSeconds }), { hopSeconds, replacedHopSeconds: model.hopSeconds });
}

/**
 * A bundled model comes calibrated; a newer bundled calibration (refitted by the project, e.g. after a
 * front-end change) replaces an older bundled one; a calibration the user fitted since is never overwritten.
 */
function adoptBundledCalibration(ctx: CoreContext, model: ModelSummary, calibration: Record<string, unknown> | null | undefined): ModelSummary {
  if (!calibration) return model;
  const have = model.calibration;
  if (have && (have.source !== 'bundled' || have.fittedAt === calibration.fittedAt)) return model;
  return auditedUpdate(ctx, model, 'model.calibrate', () => updateModelCalibration(ctx.db, model.id, { ...calibration, source: 'bundled' }), {
    a: calibration.a,
    b: calibration.b,
    ...(have ? { replacedFittedAt: have.fittedAt ?? null } : {}),
  });
}
