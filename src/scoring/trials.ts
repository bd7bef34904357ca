import { scoringError } from './errors.js';

/** Scores of labelled trials, each class sorted ascending once so every metric reuses the sort. */
export interface SortedTrials {
  readonly targets: Float64Array;
  readonly nonTargets: Float64Array;
}

/** One operating point: trials scoring >= threshold are accepted as same-speaker. */
export interface OperatingPoint {
  /** Accept when score >= threshold (-Infinity accepts all, +Infinity rejects all). */
  readonly threshold: number;
  /** Miss rate (false rejection): targets below the threshold. */
  readonly pMiss: number;
  /** False-alarm rate (false acceptance): non-targets at or above the threshold. */
  readonly pFa: number;
}

function toSortedFinite(values: ArrayLike<number>, label: string): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) {
      throw scoringError('SCORING_NOT_FINITE', `${label} score ${i} is not a finite number`, {
        index: i,
        label,
      });
    }
  }
  return out.sort();
}

/** Validates and sorts target and non-target scores; both classes are required for any metric. */
export function sortTrials(
  targets: ArrayLike<number>,
  nonTargets: ArrayLike<number>,
): SortedTrials {
  if (targets.length === 0 && nonTargets.length === 0) {
    throw scoringError('SCORING_NO_TRIALS', 'No trials to evaluate');
  }
  if (targets.length === 0 || nonTargets.length === 0) {
    throw scoringError('SCORING_ONE_CLASS', 'Metrics need both target and non-target trials', {
      nTarget: targets.length,
      nNonTarget: nonTargets.length,
    });
  }
  return {
    targets: toSortedFinite(targets, 'target'),
    nonTargets: toSortedFinite(nonTargets, 'non-target'),
  };
}

/** Number of entries of an ascending array strictly below x (binary search). */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every distinct operating point, from accept-all (pMiss 0, pFa 1) to reject-all (pMiss 1, pFa 0).
 * Tied scores move together: a threshold cannot split trials with the same score. O(n) after the sort.
 */
export function operatingPoints(trials: SortedTrials): OperatingPoint[] {
  const { targets: t, nonTargets: n } = trials;
  const nT = t.length;
  const nN = n.length;
  const points: OperatingPoint[] = [{ threshold: -Infinity, pMiss: 0, pFa: 1 }];
  let i = 0;
  let j = 0;
  // Merge-walk both sorted arrays; after consuming every score equal to v, the threshold sits just
  // above v (the next distinct score, or +Infinity), rejecting everything consumed so far.
  while (i < nT || j < nN) {
    const v = Math.min(i < nT ? (t[i] ?? 0) : Infinity, j < nN ? (n[j] ?? 0) : Infinity);
    while (i < nT && t[i] === v) i++;
    while (j < nN && n[j] === v) j++;
    const next = Math.min(i < nT ? (t[i] ?? 0) : Infinity, j < nN ? (n[j] ?? 0) : Infinity);
    points.push({ threshold: next, pMiss: i / nT, pFa: (nN - j) / nN });
  }
  return points;
}
