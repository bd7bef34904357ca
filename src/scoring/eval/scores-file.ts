// Per-trial scores in a plain text format that numpy/pandas/awk read as-is, so anyone can recompute
// the metrics independently of Seimon.
import type { ScoredTrial } from './score-trials.js';

/**
 * One line per scored trial, in trial-file order: `<label> <enroll> <test> <score> <llr>`, paths as
 * written in the trial file, numbers at full (round-trip) precision, score = raw cosine, llr = natural-log LLR or `nan` when the model is
 * uncalibrated (`nan` rather than `-` so numeric readers still parse the column). `#` lines are a
 * header naming the model, skipped by `numpy.loadtxt` and most readers.
 */
export function formatScoresFile(
  scored: readonly ScoredTrial[],
  model: { id: string; sha256: string; calibrated: boolean },
): string {
  const head = [
    `# seimon eval scores: model ${model.id} sha256 ${model.sha256}`,
    `# columns: label enroll test score llr (score = raw cosine; llr = natural-log likelihood ratio${model.calibrated ? '' : ', nan because the model is uncalibrated'})`,
  ];
  const rows = scored.map(
    (s) =>
      `${s.trial.label} ${s.trial.enrollText} ${s.trial.testText} ${String(s.score)} ${s.llr === null ? 'nan' : String(s.llr)}`,
  );
  return [...head, ...rows].join('\n') + '\n';
}
