// `seimon eval` and `seimon calibrate` share this pipeline: parse a trial list, embed each distinct
// file once (cached), score every trial, and keep every skipped line with its reason.
import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import { openEmbedder } from '../embedding/open.js';
import type { PoolOptions } from '../embedding/pool.js';
import type { ModelSummary } from '../models/manifest.js';
import type { Calibration } from './calibration.js';
import { applicableCalibration } from './scorer.js';
import type { ScoringSetup } from './scorer.js';
import { embedTrialFiles } from './eval/embed-trials.js';
import { rawCosineCalibration } from './eval/model-calibration.js';
import { scoreTrials } from './eval/score-trials.js';
import type { ScoredTrial } from './eval/score-trials.js';
import { sortScored, trialMetrics } from './eval/trial-metrics.js';
import type { SortedScores, TrialMetrics } from './eval/trial-metrics.js';
import { readTrialFile } from './trial-file.js';
import type { SkippedLine } from './trial-file.js';

export interface ScoreTrialsOptions {
  readonly trialFile: string;
  /** Model id or SHA-256; the default model when absent. */
  readonly modelId?: string;
  readonly onProgress?: (done: number, total: number) => void;
  readonly pool?: Partial<PoolOptions>;
  /**
   * Score as the app does (`--scoring app`): given the model, the setup to score with (cohort,
   * calibration, bands). Without it trials are scored by raw cosine with a raw-cosine calibration.
   */
  readonly appScoring?: (model: ModelSummary) => ScoringSetup;
}

/** A scored trial list, before metrics: what both eval and calibrate start from. */
export interface TrialScoresRun {
  readonly trialFile: string;
  /** 'raw-cosine' (the default) or 'app' (the app's normalisation and calibration). */
  readonly scoring: 'raw-cosine' | 'app';
  readonly setup?: ScoringSetup;
  readonly model: ModelSummary;
  readonly calibration: Calibration | undefined;
  /** Why there is no calibration (or why the stored one was not applied). */
  readonly calibrationNote: string | undefined;
  /** Trial lines seen (not counting comments and blank lines). */
  readonly lines: number;
  readonly scored: ScoredTrial[];
  /** Every line left out, in line order. */
  readonly skipped: SkippedLine[];
  readonly files: { total: number; cached: number; embedded: number; failed: number };
  /** Files that embedded but with little speech: kept, but their scores deserve suspicion. */
  readonly shortSpeech: { file: string; speechSeconds: number }[];
  readonly embedSeconds: number;
}

/** Below this much speech a voiceprint rests on one or two windows and scores get erratic. */
export const SHORT_SPEECH_SECONDS = 2;

const seconds = (since: number): number => (performance.now() - since) / 1000;

/** Parses, embeds and scores a trial file; bad lines are reported, never fatal. */
export async function scoreTrialFile(ctx: CoreContext, o: ScoreTrialsOptions): Promise<TrialScoresRun> {
  const trialFile = path.resolve(o.trialFile);
  const parsed = readTrialFile(trialFile);
  const { embedder, model } = await openEmbedder(ctx, o.modelId, o.pool);
  const app = o.appScoring?.(model);
  const { calibration, note } = app ? appCalibration(app) : rawCosineCalibration(model);
  const distinct = [...new Set(parsed.trials.flatMap((t) => [...t.enroll, t.test]))];
  const started = performance.now();
  let outcomes;
  try {
    outcomes = await embedTrialFiles(ctx, embedder, distinct, { onProgress: o.onProgress });
  } finally {
    await embedder.close();
  }
  const embedSeconds = seconds(started);
  const { scored, skipped } = scoreTrials(parsed.trials, outcomes, calibration, app);
  const all = [...outcomes.values()];
  const ok = all.filter((x) => x.ok);
  const shortSpeech = [...outcomes].flatMap(([file, x]) =>
    x.ok && x.speechSeconds < SHORT_SPEECH_SECONDS ? [{ file, speechSeconds: x.speechSeconds }] : [],
  );
  return {
    trialFile,
    scoring: app ? 'app' : 'raw-cosine',
    ...(app ? { setup: app } : {}),
    model,
    calibration,
    calibrationNote: note,
    lines: parsed.lines,
    scored,
    skipped: [...parsed.skipped, ...skipped].sort((a, b) => a.line - b.line),
    files: {
      total: all.length,
      cached: ok.filter((x) => x.cached).length,
      embedded: ok.filter((x) => !x.cached).length,
      failed: all.length - ok.length,
    },
    shortSpeech,
    embedSeconds,
  };
}

/** A run with its metrics; throws SCORING_NO_TRIALS / SCORING_ONE_CLASS when they cannot be measured. */
export function measureTrials(run: TrialScoresRun): { sorted: SortedScores; metrics: TrialMetrics } {
  const sorted = sortScored(run.scored, run.skipped.length);
  return { sorted, metrics: trialMetrics(sorted) };
}

function appCalibration(setup: ScoringSetup): { calibration: Calibration | undefined; note: string | undefined } {
  const cal = applicableCalibration(setup);
  if (cal) return { calibration: cal, note: undefined };
  return { calibration: undefined, note: setup.calibration ? 'The calibration needs AS-norm scores but no cohort was available: Cllr is not reported.' : 'The model is not calibrated: Cllr is not reported (min Cllr is).' };
}
