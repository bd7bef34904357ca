// The highest cohort scores of each probe, kept sorted with the row they came from, so AS-norm
// statistics can be taken "without the performers in this trial" in O(excluded) per trial instead of
// re-scanning the cohort: the relevant-population cohort must never count a trial's own performer as
// an impostor of itself.
import { scoringError } from './errors.js';
import { dotRow } from './matrix.js';
import type { EmbeddingMatrix } from './matrix.js';
import type { CohortStats } from './normalization.js';
import { SD_FLOOR } from './normalization.js';

/** Per probe: its k best cohort scores (descending), their cohort rows, and prefix sums of both moments. */
export interface CohortTops {
  readonly k: number;
  readonly probes: number;
  /** probes x k, descending within a probe; only the first count[i] entries are used. */
  readonly values: Float64Array;
  readonly rows: Int32Array;
  readonly count: Int32Array;
}

/** Keeps the k largest (value, row) pairs by insertion into a small sorted buffer. */
function insertTop(vals: Float64Array, rows: Int32Array, base: number, len: number, k: number, v: number, r: number): number {
  if (len === k && v <= (vals[base + k - 1] as number)) return len;
  let i = len < k ? len : k - 1;
  while (i > 0 && (vals[base + i - 1] as number) < v) {
    vals[base + i] = vals[base + i - 1] as number;
    rows[base + i] = rows[base + i - 1] as number;
    i--;
  }
  vals[base + i] = v;
  rows[base + i] = r;
  return len < k ? len + 1 : len;
}

/** Dot products of one probe with every cohort row, four rows at a time (the probe stays in registers). */
function dotsInto(c: EmbeddingMatrix, v: Float32Array, off: number, out: Float64Array): void {
  const d = c.dim;
  const a = c.data;
  let j = 0;
  for (; j + 3 < c.rows; j += 4) {
    const b0 = j * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0; k < d; k++) {
      const x = v[off + k] as number;
      s0 += (a[b0 + k] as number) * x;
      s1 += (a[b1 + k] as number) * x;
      s2 += (a[b2 + k] as number) * x;
      s3 += (a[b3 + k] as number) * x;
    }
    out[j] = s0;
    out[j + 1] = s1;
    out[j + 2] = s2;
    out[j + 3] = s3;
  }
  for (; j < c.rows; j++) out[j] = dotRow(c, j, v, off);
}

/** The k best cohort scores of every row of `probes`. O(probes x cohort x dim). */
export function cohortTops(probes: EmbeddingMatrix, cohort: EmbeddingMatrix, k: number): CohortTops {
  if (cohort.dim !== probes.dim)
    throw scoringError('SCORING_DIM_MISMATCH', `Cohort has ${cohort.dim} dims, embeddings ${probes.dim}`);
  if (!Number.isInteger(k) || k < 1) throw scoringError('SCORING_BAD_OPTION', 'k must be a positive integer');
  const kk = Math.min(k, cohort.rows);
  const values = new Float64Array(probes.rows * Math.max(kk, 1));
  const rows = new Int32Array(probes.rows * Math.max(kk, 1));
  const count = new Int32Array(probes.rows);
  const scratch = new Float64Array(cohort.rows);
  for (let i = 0; i < probes.rows; i++) {
    const base = i * kk;
    let len = 0;
    dotsInto(cohort, probes.data, i * probes.dim, scratch);
    for (let r = 0; r < cohort.rows; r++) len = insertTop(values, rows, base, len, kk, scratch[r] as number, r);
    count[i] = len;
  }
  return { k: kk, probes: probes.rows, values, rows, count };
}

/**
 * Mean and sd of probe i's topN best cohort scores, skipping the cohort rows in `exclude` (the trial's
 * own performers). Needs tops computed with k >= topN + exclude.length to be exact; with fewer rows
 * available it uses what is left (at least 2, else SCORING_COHORT_TOO_SMALL).
 */
export function topStatsExcluding(tops: CohortTops, i: number, topN: number, exclude: readonly number[]): CohortStats {
  const base = i * tops.k;
  const len = tops.count[i] as number;
  let n = 0;
  let s = 0;
  let s2 = 0;
  for (let j = 0; j < len && n < topN; j++) {
    const r = tops.rows[base + j] as number;
    if (exclude.length > 0 && exclude.includes(r)) continue;
    const v = tops.values[base + j] as number;
    s += v;
    s2 += v * v;
    n++;
  }
  if (n < 2) throw scoringError('SCORING_COHORT_TOO_SMALL', `Only ${n} cohort scores left after exclusions`);
  const mean = s / n;
  return { mean, sd: Math.max(SD_FLOOR, Math.sqrt(Math.max(0, s2 / n - mean * mean))) };
}
