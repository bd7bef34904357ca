import type { PopulationCheck } from '../domain/index.js';
import type { Db } from './database.js';

/** The stored check for a model on one enrolment state, if computed. */
export function findPopulationCheck(db: Db, modelSha256: string, enrolmentKey: string): PopulationCheck | undefined {
  const r = db.prepare('SELECT check_json FROM population_checks WHERE model_sha256 = ? AND enrolment_key = ?').get(modelSha256, enrolmentKey) as { check_json: string } | undefined;
  return r ? (JSON.parse(r.check_json) as PopulationCheck) : undefined;
}

/** The most recent check for a model, whatever enrolment it was computed on. */
export function latestPopulationCheck(db: Db, modelSha256: string): PopulationCheck | undefined {
  const r = db.prepare('SELECT check_json FROM population_checks WHERE model_sha256 = ? ORDER BY computed_at DESC LIMIT 1').get(modelSha256) as { check_json: string } | undefined;
  return r ? (JSON.parse(r.check_json) as PopulationCheck) : undefined;
}

/** Stores a check; older checks of the same model are dropped (they describe an enrolment that is gone). */
export function savePopulationCheck(db: Db, c: PopulationCheck): void {
  db.transaction(() => {
    db.prepare('DELETE FROM population_checks WHERE model_sha256 = ?').run(c.modelSha256);
    db.prepare('INSERT INTO population_checks (model_sha256, enrolment_key, computed_at, check_json) VALUES (?, ?, ?, ?)').run(c.modelSha256, c.enrolmentKey, c.computedAt, JSON.stringify(c));
  })();
}

/** Keeps a calibration that is about to be replaced. */
export function keepCalibration(db: Db, modelSha256: string, calibration: Record<string, unknown>, now = new Date()): void {
  db.prepare('INSERT INTO calibration_history (model_sha256, replaced_at, calibration) VALUES (?, ?, ?)').run(modelSha256, now.toISOString(), JSON.stringify(calibration));
}

/** Calibrations replaced for a model, newest first. */
export function calibrationHistory(db: Db, modelSha256: string): { replacedAt: string; calibration: Record<string, unknown> }[] {
  return (db.prepare('SELECT replaced_at, calibration FROM calibration_history WHERE model_sha256 = ? ORDER BY id DESC').all(modelSha256) as { replaced_at: string; calibration: string }[]).map((r) => ({
    replacedAt: r.replaced_at,
    calibration: JSON.parse(r.calibration) as Record<string, unknown>,
  }));
}
