// Adaptive symmetric score normalisation (AS-norm, Matějka et al. 2017, "top-N" cohort variant):
// each side of a trial is compared with the N most similar cohort speakers, and the raw cosine is
// expressed in standard deviations of those impostor scores, averaged over both sides.
import { scoringError } from './errors.js';
import { dotRow } from './matrix.js';
import type { EmbeddingMatrix } from './matrix.js';
import { selectTopK } from './select.js';

/** Mean and standard deviation of one embedding's top-N cohort scores. */
export interface CohortStats {
  readonly mean: number;
  readonly sd: number;
}

/** Per-row cohort stats of a whole matrix, computed once and reused for every pairing. */
export interface CohortStatsBatch {
  readonly mean: Float64Array;
  readonly sd: Float64Array;
}

/** Floor on the cohort standard deviation, so a degenerate cohort cannot blow a score up. */
export const SD_FLOOR = 1e-4;

/** Default cohort size: the usual 200-400 range of the AS-norm literature, clamped to the cohort. */
export const DEFAULT_TOP_N = 300;

function checkCohort(cohort: EmbeddingMatrix, dim: number, topN: number): void {
  if (cohort.dim !== dim)
    throw scoringError('SCORING_DIM_MISMATCH', `Cohort has ${cohort.dim} dims, embeddings ${dim}`);
  if (!Number.isInteger(topN) || topN < 2)
    throw scoringError('SCORING_BAD_OPTION', 'topN must be an integer >= 2');
  // Two rows are the least that gives a standard deviation; one more covers an excluded self row.
  if (cohort.rows < 3)
    throw scoringError(
      'SCORING_COHORT_TOO_SMALL',
      `Cohort has ${cohort.rows} rows; at least 3 needed`,
    );
}

/** Mean and sd of the n largest of xs[0..len). */
function topStats(xs: Float64Array, len: number, topN: number): CohortStats {
  const n = Math.min(topN, len);
  selectTopK(xs, len, n);
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i] as number;
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((xs[i] as number) - mean) ** 2;
  return { mean, sd: Math.max(SD_FLOOR, Math.sqrt(v / n)) };
}

function statsInto(
  v: Float32Array,
  off: number,
  cohort: EmbeddingMatrix,
  topN: number,
  exclude: number,
  scratch: Float64Array,
): CohortStats {
  let len = 0;
  for (let r = 0; r < cohort.rows; r++) {
    // A performer enrolled in the cohort must not count as its own impostor.
    if (r !== exclude) scratch[len++] = dotRow(cohort, r, v, off);
  }
  return topStats(scratch, len, topN);
}

/** Top-N cohort stats of one L2-normalised embedding; `excludeRow` drops its own cohort row, if any. */
export function cohortStats(
  v: Float32Array,
  cohort: EmbeddingMatrix,
  topN = DEFAULT_TOP_N,
  excludeRow = -1,
): CohortStats {
  checkCohort(cohort, v.length, topN);
  return statsInto(v, 0, cohort, topN, excludeRow, new Float64Array(cohort.rows));
}

/** Cohort stats for every row of m; excludeRows[i] is row i's own cohort row or -1. O(rows x cohort x dim). */
export function cohortStatsBatch(
  m: EmbeddingMatrix,
  cohort: EmbeddingMatrix,
  topN = DEFAULT_TOP_N,
  excludeRows?: ArrayLike<number>,
): CohortStatsBatch {
  checkCohort(cohort, m.dim, topN);
  const mean = new Float64Array(m.rows);
  const sd = new Float64Array(m.rows);
  const scratch = new Float64Array(cohort.rows);
  for (let i = 0; i < m.rows; i++) {
    const st = statsInto(m.data, i * m.dim, cohort, topN, excludeRows?.[i] ?? -1, scratch);
    mean[i] = st.mean;
    sd[i] = st.sd;
  }
  return { mean, sd };
}

/** AS-norm of a raw score given both sides' cohort stats: 0.5 * (z_enroll + z_test). */
export function asNorm(raw: number, enroll: CohortStats, test: CohortStats): number {
  return 0.5 * ((raw - enroll.mean) / enroll.sd + (raw - test.mean) / test.sd);
}

/** Raw cosine and AS-norm score of one enroll/test pair, with both sides' stats for the report. */
export function asNormScore(
  enroll: Float32Array,
  test: Float32Array,
  cohort: EmbeddingMatrix,
  topN = DEFAULT_TOP_N,
): { raw: number; normalized: number; enroll: CohortStats; test: CohortStats } {
  if (enroll.length !== test.length)
    throw scoringError('SCORING_DIM_MISMATCH', 'Enroll and test sizes differ');
  let raw = 0;
  for (let i = 0; i < enroll.length; i++) raw += (enroll[i] ?? 0) * (test[i] ?? 0);
  const e = cohortStats(enroll, cohort, topN);
  const t = cohortStats(test, cohort, topN);
  return { raw, normalized: asNorm(raw, e, t), enroll: e, test: t };
}
