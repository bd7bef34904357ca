// Trial scores: the enrollment voiceprint is the mean of its files' normalised clip embeddings (as for
// a performer), and the score is the raw cosine against the test clip, or, with `--scoring app`, the
// app's own score through makeScorer (AS-norm against the app's cohort, then its calibration).
import { cosine, meanOfNormalized } from '../../embedding/vectors.js';
import { applyCalibration } from '../calibration.js';
import type { Calibration } from '../calibration.js';
import type { SkippedLine, Trial } from '../trial-file.js';
import type { FileOutcome } from './embed-trials.js';
import { applicableCalibration, calibratedLlr, makeScorer } from '../scorer.js';
import type { ScoringSetup } from '../scorer.js';

/** A scored trial; `llr` (natural log) is null when the model has no usable calibration. */
export interface ScoredTrial {
  readonly trial: Trial;
  readonly score: number;
  readonly llr: number | null;
  /** With the app's scoring: the raw cosine (score is then the AS-norm score when a cohort was used). */
  readonly rawCosine?: number;
}

/** Scores every trial whose files all embedded; the others are reported once per line. */
export function scoreTrials(
  trials: readonly Trial[],
  files: ReadonlyMap<string, FileOutcome>,
  calibration: Calibration | undefined,
  app?: ScoringSetup,
): { scored: ScoredTrial[]; skipped: SkippedLine[] } {
  const scored: ScoredTrial[] = [];
  const skipped: SkippedLine[] = [];
  // Enrollment sets recur across many trials (one performer against many tests): average each once.
  const voiceprints = new Map<string, Float32Array>();
  const pending: Pending[] = [];
  for (const trial of trials) {
    const failed = [...trial.enroll, trial.test].flatMap((f) => {
      const o = files.get(f);
      return o && !o.ok ? [{ file: f, ...o }] : [];
    });
    const first = failed[0];
    if (first) {
      const message = failed.map((x) => `${x.file}: ${x.message}`).join('; ');
      skipped.push({ line: trial.line, reason: 'audio-error', code: first.code, message });
      continue;
    }
    const vectorOf = (f: string): Float32Array => {
      const o = files.get(f);
      if (!o?.ok) throw new Error(`No embedding for ${f}`); // embedTrialFiles covers every file
      return o.vector;
    };
    const key = trial.enroll.join('\0');
    let enroll = voiceprints.get(key);
    if (!enroll) {
      enroll = meanOfNormalized(trial.enroll.map(vectorOf));
      voiceprints.set(key, enroll);
    }
    if (app) {
      pending.push({ trial, enroll, test: vectorOf(trial.test) });
      continue;
    }
    const score = cosine(enroll, vectorOf(trial.test));
    scored.push({ trial, score, llr: calibration ? applyCalibration(calibration, score) : null });
  }
  if (app) scored.push(...appScores(app, pending));
  scored.sort((a, b) => a.trial.line - b.trial.line);
  return { scored, skipped };
}

interface Pending {
  trial: Trial;
  enroll: Float32Array;
  test: Float32Array;
}

/** Scores trials exactly as the app scores a performer against a suspect. */
function appScores(setup: ScoringSetup, trials: readonly Pending[]): ScoredTrial[] {
  if (trials.length === 0) return [];
  const enrolls = [...new Set(trials.map((t) => t.enroll))];
  const tests = [...new Set(trials.map((t) => t.test))];
  const ei = new Map(enrolls.map((v, i) => [v, i]));
  const ti = new Map(tests.map((v, i) => [v, i]));
  const scorer = makeScorer(setup, enrolls.map((vector) => ({ vector, owner: null })), tests.map((vector) => ({ vector, owner: null })));
  const cal = applicableCalibration(setup);
  return trials.map((t) => {
    const s = scorer.scores(ei.get(t.enroll) as number, ti.get(t.test) as number);
    return { trial: t.trial, score: s.normalized ?? s.raw, rawCosine: s.raw, llr: cal ? calibratedLlr(cal, s.raw, s.normalized) : null };
  });
}
