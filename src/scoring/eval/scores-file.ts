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
  scoring: 'raw-cosine' | 'app' = 'raw-cosine',
): string {
  const uncal = model.calibrated ? '' : ', nan because the model is uncalibrated';
  const head =
    scoring === 'app'
      ? [
          `# seimon eval scores (--scoring app): model ${model.id} sha256 ${model.sha256}`,
          `# columns: label enroll test score llr percent raw (score = the app's AS-norm score, or the raw cosine without a cohort; llr = natural-log likelihood ratio${uncal}; percent = 100 x LR / (1 + LR); raw = raw cosine)`,
        ]
      : [
          `# seimon eval scores: model ${model.id} sha256 ${model.sha256}`,
          `# columns: label enroll test score llr (score = raw cosine; llr = natural-log likelihood ratio${uncal})`,
        ];
  const num = (x: number | null | undefined) => (x === null || x === undefined ? 'nan' : String(x));
  const percent = (llr: number | null) => (llr === null ? null : 100 / (1 + Math.exp(-llr)));
  const rows = scored.map((s) => {
    const base = `${s.trial.label} ${s.trial.enrollText} ${s.trial.testText} ${String(s.score)} ${num(s.llr)}`;
    return scoring === 'app' ? `${base} ${num(percent(s.llr))} ${num(s.rawCosine ?? s.score)}` : base;
  });
  return [...head, ...rows].join('\n') + '\n';
}
