import type { ScreeningMatch, ScreeningRun } from '../domain/index.js';
import { SeimonError } from '../core/errors.js';
import type { Db } from './database.js';

interface RunRow {
  id: string;
  model_id: string;
  model_sha256: string;
  calibrated: number;
  started_at: string;
  finished_at: string | null;
  performers: string;
  suspects: string;
  skipped: string;
  population: string | null;
}

interface ResultRow {
  suspect_id: string;
  performer_id: string;
  rank: number;
  raw_cosine: number;
  normalized: number | null;
  llr: number | null;
  percent: number | null;
  band: string;
}

/** Stores a finished run and its ranked matches (call inside a transaction). */
export function insertRun(db: Db, run: ScreeningRun): void {
  db.prepare(
    `INSERT INTO screening_runs (id, model_id, model_sha256, calibrated, state, started_at, finished_at, performers, suspects, skipped, population)
     VALUES (?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?)`,
  ).run(
    run.id,
    run.model.id,
    run.model.sha256,
    run.model.calibrated ? 1 : 0,
    run.startedAt,
    run.finishedAt,
    JSON.stringify(run.performers),
    JSON.stringify(run.suspects),
    JSON.stringify(run.skipped),
    run.population ? JSON.stringify(run.population) : null,
  );
  const put = db.prepare(
    `INSERT INTO screening_results (run_id, suspect_id, performer_id, rank, raw_cosine, normalized, llr, percent, band)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const m of run.matches) put.run(run.id, m.suspectId, m.performerId, m.rank, m.rawCosine, m.normalized, m.llr, m.percent, m.band);
}

function toRun(db: Db, r: RunRow): ScreeningRun {
  const rows = db.prepare('SELECT * FROM screening_results WHERE run_id = ? ORDER BY rank').all(r.id) as ResultRow[];
  const matches: ScreeningMatch[] = rows.map((x) => ({
    suspectId: x.suspect_id,
    performerId: x.performer_id,
    rank: x.rank,
    rawCosine: x.raw_cosine,
    normalized: x.normalized,
    llr: x.llr,
    percent: x.percent,
    band: x.band,
  }));
  return {
    id: r.id,
    model: { id: r.model_id, sha256: r.model_sha256, calibrated: r.calibrated === 1 },
    population: r.population ? (JSON.parse(r.population) as ScreeningRun['population']) : null,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    performers: JSON.parse(r.performers) as ScreeningRun['performers'],
    suspects: JSON.parse(r.suspects) as ScreeningRun['suspects'],
    matches,
    skipped: JSON.parse(r.skipped) as ScreeningRun['skipped'],
  };
}

/** A run by id (NOT_FOUND otherwise). */
export function getRun(db: Db, id: string): ScreeningRun {
  const r = db.prepare('SELECT * FROM screening_runs WHERE id = ?').get(id) as RunRow | undefined;
  if (!r) throw new SeimonError('NOT_FOUND', `No screening run with id ${id}`);
  return toRun(db, r);
}

/** The newest finished run under a model, or null. */
export function latestRun(db: Db, modelSha256: string): ScreeningRun | null {
  const r = db
    .prepare(`SELECT * FROM screening_runs WHERE model_sha256 = ? AND state = 'done' ORDER BY finished_at DESC, rowid DESC LIMIT 1`)
    .get(modelSha256) as RunRow | undefined;
  return r ? toRun(db, r) : null;
}
