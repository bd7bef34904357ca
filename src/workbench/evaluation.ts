// `seimon eval` and `seimon calibrate --trials` as a workflow: score a trial list (raw cosine by default,
// or as the app scores with `--scoring app`), measure it, write plots and per-trial scores, or fit a
// calibration. Runs as a job so the CLI polls its progress like the app polls a screening.
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import type { EvaluationReport } from '../domain/index.js';
import { SeimonError, isSeimonError } from '../core/errors.js';
import type { JobControl } from '../jobs/registry.js';
import type { ModelSummary } from '../models/manifest.js';
import { bandErrorRates } from '../scoring/band-rates.js';
import { calibrateFromRun } from '../scoring/eval/calibrate-model.js';
import { formatScoresFile } from '../scoring/eval/scores-file.js';
import { writeEvalPlots } from '../scoring/eval/write-plots.js';
import { measureTrials, scoreTrialFile } from '../scoring/evaluate.js';
import { buildScoringCohort } from '../scoring/cohort-rule.js';
import type { ScoringSetup } from '../scoring/scorer.js';
import { l2Normalize } from '../embedding/vectors.js';
import { getBands } from '../store/settings.js';
import { closeCore, openCore } from '../store/open-core.js';
import { baseSetup, loadPopulation, modelCalibration } from './population.js';

export interface EvalRequest {
  mode: 'eval' | 'calibrate';
  trials: string;
  modelId?: string | null | undefined;
  scoring: 'raw-cosine' | 'app';
  /** With --scoring app: score against the enrolled performers of another data folder. */
  population?: string | null | undefined;
  /** With --scoring app: score against this cohort file ({"speakers": [{"embedding": [...]}]} or a list of vectors). */
  cohort?: string | null | undefined;
  scores?: string | null | undefined;
  plots?: string | null | undefined;
}

function cohortFileRows(file: string): Float32Array[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new SeimonError('INVALID_INPUT', `Cannot read the cohort file ${file}: ${(e as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : ((parsed as { speakers?: { embedding?: unknown }[] } | null)?.speakers ?? []).map((s) => s.embedding);
  const rows = (list as unknown[]).filter((e): e is number[] => Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === 'number' && Number.isFinite(x)));
  if (rows.length === 0) throw new SeimonError('INVALID_INPUT', `${file} holds no embeddings (expected {"speakers": [{"embedding": [...]}]} or a list of vectors)`);
  return rows.map((r) => l2Normalize(Float32Array.from(r)));
}

/** The app's scoring for an evaluation: this folder's population, another folder's, or a cohort file. */
function appSetup(ctx: CoreContext, req: EvalRequest, model: ModelSummary, source: { text: string }): ScoringSetup {
  const bands = getBands(ctx.db);
  if (req.cohort) {
    const rows = cohortFileRows(req.cohort);
    if (rows[0]?.length !== model.embeddingDim) throw new SeimonError('INVALID_INPUT', `The cohort file has ${rows[0]?.length}-dim vectors; ${model.id} makes ${model.embeddingDim}`);
    source.text = `cohort file ${path.resolve(req.cohort)} (${rows.length} rows)`;
    return { cohort: buildScoringCohort([], rows, { source: 'shipped', topN: 'adaptive', fillBelow: 0 }), calibration: modelCalibration(model), bands, withheld: null };
  }
  if (req.population) {
    const other = openCore(path.resolve(req.population), ctx.actor);
    try {
      const s = baseSetup(model, loadPopulation(other, model, bands), bands);
      source.text = `enrolled performers of ${path.resolve(req.population)} (${s.performerRows} performers, ${s.shippedRows} shipped rows)`;
      return s;
    } finally {
      closeCore(other);
    }
  }
  const s = baseSetup(model, loadPopulation(ctx, model, bands), bands);
  source.text = `enrolled performers of this data folder (${s.performerRows} performers, ${s.shippedRows} shipped rows)`;
  return s;
}

/** Runs an evaluation or a trial calibration; failures after scoring keep the run (its skipped lines explain them). */
export async function runEvaluation(ctx: CoreContext, req: EvalRequest, job: JobControl): Promise<EvaluationReport> {
  if (req.scoring !== 'app' && (req.population || req.cohort)) throw new SeimonError('INVALID_INPUT', '--population and --cohort need --scoring app');
  if (req.population && req.cohort) throw new SeimonError('INVALID_INPUT', 'Give --population or --cohort, not both');
  if (req.mode === 'calibrate' && req.scoring === 'app') throw new SeimonError('INVALID_INPUT', 'calibrate --trials fits raw cosines; use calibrate --population to fit the app scoring on your performers');
  const source = { text: '' };
  const run = await scoreTrialFile(ctx, {
    trialFile: req.trials,
    modelId: req.modelId ?? undefined,
    onProgress: (done, total) => job.progress(done, total),
    ...(req.scoring === 'app' ? { appScoring: (m: ModelSummary) => appSetup(ctx, req, m, source) } : {}),
  });
  const out: EvaluationReport = {
    mode: req.mode,
    trialFile: run.trialFile,
    scoring: run.scoring,
    cohortSource: req.scoring === 'app' ? source.text : null,
    model: { id: run.model.id, sha256: run.model.sha256, calibrated: run.calibration !== undefined, calibration: (run.calibration as unknown as Record<string, unknown> | undefined) ?? null },
    lines: run.lines,
    skipped: run.skipped.map((x) => ({ ...x })),
    files: run.files,
    shortSpeech: run.shortSpeech,
    metrics: null,
    bands: null,
    notes: [],
    plots: null,
    scoresFile: null,
    embedSeconds: run.embedSeconds,
    calibration: null,
    error: null,
  };
  try {
    if (req.mode === 'calibrate') {
      const c = await calibrateFromRun(ctx, run);
      out.calibration = { ...c, calibration: c.calibration as unknown as Record<string, unknown> };
      return out;
    }
    const { sorted, metrics } = measureTrials(run);
    out.metrics = { ...metrics, minDcf: { ...metrics.minDcf } };
    out.bands = sorted.llr ? bandErrorRates(sorted.llr, run.setup?.bands ?? getBands(ctx.db)).filter((b) => b.minPercent > 0) : null;
    if (run.calibrationNote) out.notes.push(run.calibrationNote);
    if (req.plots) {
      const plots = await writeEvalPlots(req.plots, sorted, { modelId: run.model.id, eer: metrics.eer });
      out.plots = { dir: plots.dir, files: plots.files };
      out.notes.push(...plots.notes);
    }
    if (req.scores) {
      fs.writeFileSync(req.scores, formatScoresFile(run.scored, { ...run.model, calibrated: run.calibration !== undefined }, run.scoring));
      out.scoresFile = req.scores;
    }
  } catch (e) {
    if (!isSeimonError(e)) throw e;
    out.error = { code: e.code, message: e.message };
  }
  return out;
}
