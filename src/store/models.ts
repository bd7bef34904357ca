import { SeimonError } from '../core/errors.js';
import type { ModelManifest, ModelSummary, Preset } from '../domain/model-manifest.js';
import type { Db } from './database.js';

interface ModelRow {
  id: string;
  display_name: string;
  file: string;
  sha256: string;
  size_bytes: number;
  preset: Preset;
  manifest: string;
  bundled: number;
  is_default: number;
  installed_at: string;
}

/** The manifest JSON holds everything; the columns are the indexed, authoritative copies. */
const toSummary = (r: ModelRow): ModelSummary => ({
  ...(JSON.parse(r.manifest) as ModelManifest),
  id: r.id,
  displayName: r.display_name,
  file: r.file,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  preset: r.preset,
  bundled: r.bundled === 1,
  installedAt: r.installed_at,
  isDefault: r.is_default === 1,
});

/** Every registered model, the default first, then by name. */
export function listModels(db: Db): ModelSummary[] {
  const rows = db
    .prepare('SELECT * FROM models ORDER BY is_default DESC, display_name, id')
    .all() as ModelRow[];
  return rows.map(toSummary);
}

/** A model by id or by full sha256, or undefined. */
export function findModel(db: Db, idOrSha: string): ModelSummary | undefined {
  const row = db
    .prepare('SELECT * FROM models WHERE id = ? OR sha256 = ?')
    .get(idOrSha, idOrSha.toLowerCase()) as ModelRow | undefined;
  return row ? toSummary(row) : undefined;
}

/** A model by id or sha256; MODEL_NOT_FOUND when there is none. */
export function getModelRecord(db: Db, idOrSha: string): ModelSummary {
  const m = findModel(db, idOrSha);
  if (!m)
    throw new SeimonError(
      'MODEL_NOT_FOUND',
      `No installed model "${idOrSha}". See: seimon models list`,
    );
  return m;
}

/** The default model, or undefined when none is set. */
export function findDefaultModel(db: Db): ModelSummary | undefined {
  const row = db.prepare('SELECT * FROM models WHERE is_default = 1').get() as ModelRow | undefined;
  return row ? toSummary(row) : undefined;
}

/** Stores a new model row; the caller has verified the file and chosen a free id. */
export function insertModel(
  db: Db,
  m: ModelManifest,
  opts: { isDefault?: boolean } = {},
): ModelSummary {
  db.prepare(
    `INSERT INTO models (id, display_name, file, sha256, size_bytes, preset, manifest, bundled, is_default, installed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    m.id,
    m.displayName,
    m.file,
    m.sha256,
    m.sizeBytes,
    m.preset,
    JSON.stringify(m),
    m.bundled ? 1 : 0,
    opts.isDefault ? 1 : 0,
    m.installedAt,
  );
  return getModelRecord(db, m.id);
}

/** Makes one model the default (clearing any other); call inside a transaction. */
export function setDefaultModelRecord(db: Db, id: string): ModelSummary {
  getModelRecord(db, id);
  db.prepare('UPDATE models SET is_default = 0 WHERE is_default = 1 AND id <> ?').run(id);
  db.prepare('UPDATE models SET is_default = 1 WHERE id = ?').run(id);
  return getModelRecord(db, id);
}

/**
 * Changes fields of a registered model's manifest (calibration, the timeline hop, the measured EER by
 * speech length, ...); the file and its hash are not manifest fields that change.
 */
export function updateModelManifest(
  db: Db,
  id: string,
  patch: Partial<Pick<ModelManifest, 'calibration' | 'hopSeconds' | 'eerBySpeech'>>,
): ModelSummary {
  const { isDefault: _isDefault, ...manifest } = getModelRecord(db, id);
  db.prepare('UPDATE models SET manifest = ? WHERE id = ?').run(JSON.stringify({ ...manifest, ...patch }), id);
  return getModelRecord(db, id);
}

/** Stores calibration parameters fitted for a model (the scoring module owns their shape). */
export function updateModelCalibration(
  db: Db,
  id: string,
  calibration: Record<string, unknown> | null,
): ModelSummary {
  return updateModelManifest(db, id, { calibration });
}

/** Whether an id is already used by a registered model. */
export function modelIdTaken(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM models WHERE id = ?').get(id) !== undefined;
}
