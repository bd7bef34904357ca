// Trial scores: the enrollment voiceprint is the mean of its files' normalised clip embeddings (as for
// a performer), and the score is the raw cosine against the test clip.
import { cosine, meanOfNormalized } from '../../embedding/vectors.js';
import { applyCalibration } from '../calibration.js';
import type { Calibration } from '../calibration.js';
import type { SkippedLine, Trial } from '../trial-file.js';
import type { FileOutcome } from './embed-trials.js';

/** A scored trial; `llr` (natural log) is null when the model has no usable calibration. */
export interface ScoredTrial {
  readonly trial: Trial;
  readonly score: number;
  readonly llr: number | null;
}

/** Scores every trial whose files all embedded; the others are reported once per line. */
export function scoreTrials(
  trials: readonly Trial[],
  files: ReadonlyMap<string, FileOutcome>,
  calibration: Calibration | undefined,
): { scored: ScoredTrial[]; skipped: SkippedLine[] } {
  const scored: ScoredTrial[] = [];
  const skipped: SkippedLine[] = [];
  // Enrollment sets recur across many trials (one performer against many tests): average each once.
  const voiceprints = new Map<string, Float32Array>();
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
    const score = cosine(enroll, vectorOf(trial.test));
    scored.push({ trial, score, llr: calibration ? applyCalibration(calibration, score) : null });
  }
  return { scored, skipped };
}
