// Threshold-based metrics of a labelled trial set. Every function takes SortedTrials (sort once with
// sortTrials) so a few thousand trials cost one O(n log n) sort and O(n) per metric.
import { scoringError } from './errors.js';
import { countBelow, operatingPoints } from './trials.js';
import type { OperatingPoint, SortedTrials } from './trials.js';
import { probit } from './probit.js';

export { sortTrials, operatingPoints } from './trials.js';
export type { SortedTrials, OperatingPoint } from './trials.js';
export { cllr, minCllr, pavLlrs } from './cllr.js';

/** Detection-cost parameters; NIST SRE convention, with the P_target = 0.01 default. */
export interface CostParams {
  readonly pTarget: number;
  readonly cMiss: number;
  readonly cFa: number;
}

export const DEFAULT_COST: CostParams = { pTarget: 0.01, cMiss: 1, cFa: 1 };

function checkCost(c: CostParams): void {
  if (!(c.pTarget > 0 && c.pTarget < 1) || !(c.cMiss > 0) || !(c.cFa > 0)) {
    throw scoringError('SCORING_BAD_OPTION', 'pTarget must be in (0, 1) and costs positive', {
      ...c,
    });
  }
}

/** DCF of one operating point, divided by the cost of the best trivial system (accept- or reject-all). */
function normalizedDcf(pMiss: number, pFa: number, c: CostParams): number {
  const wMiss = c.pTarget * c.cMiss;
  const wFa = (1 - c.pTarget) * c.cFa;
  return (wMiss * pMiss + wFa * pFa) / Math.min(wMiss, wFa);
}

/** Lower convex hull of the ROC in (pFa, pMiss) space: the operating points a calibrated system can reach. */
export function rocConvexHull(points: readonly OperatingPoint[]): OperatingPoint[] {
  // Points arrive with pFa non-increasing and pMiss non-decreasing; walk them as x = pMiss ascending
  // and keep a lower hull of y = pFa (monotone chain).
  const hull: OperatingPoint[] = [];
  for (const p of points) {
    while (hull.length >= 2) {
      const a = hull[hull.length - 2] as OperatingPoint;
      const b = hull[hull.length - 1] as OperatingPoint;
      const cross = (b.pMiss - a.pMiss) * (p.pFa - a.pFa) - (b.pFa - a.pFa) * (p.pMiss - a.pMiss);
      if (cross <= 0) hull.pop();
      else break;
    }
    hull.push(p);
  }
  return hull;
}

/**
 * Equal error rate by the ROC convex hull (ROCCH-EER, as in Brümmer's BOSARIS toolkit): where the
 * hull crosses pMiss = pFa. Unlike the step-curve EER it does not depend on how ties or gaps between
 * scores are interpolated, and it equals the highest (over priors) of the minimum Bayes error rate.
 */
export function eer(trials: SortedTrials): number {
  const hull = rocConvexHull(operatingPoints(trials));
  for (let k = 1; k < hull.length; k++) {
    const a = hull[k - 1] as OperatingPoint;
    const b = hull[k] as OperatingPoint;
    const da = a.pFa - a.pMiss;
    const db = b.pFa - b.pMiss;
    // Hull goes from (pMiss 0, pFa 1), where da > 0, to (1, 0), where db < 0: exactly one crossing.
    if (da >= 0 && db <= 0) {
      if (da === db) return a.pMiss;
      const f = da / (da - db);
      return a.pMiss + f * (b.pMiss - a.pMiss);
    }
  }
  return 0.5;
}

/** Minimum normalised DCF over all thresholds, with the threshold reaching it. */
export function minDcf(
  trials: SortedTrials,
  cost: CostParams = DEFAULT_COST,
): { value: number; threshold: number } {
  checkCost(cost);
  let best = Infinity;
  let threshold = Infinity;
  for (const p of operatingPoints(trials)) {
    const v = normalizedDcf(p.pMiss, p.pFa, cost);
    if (v < best) {
      best = v;
      threshold = p.threshold;
    }
  }
  return { value: best, threshold };
}

/** False-acceptance and false-rejection rates when scores >= threshold are accepted. O(log n). */
export function errorRatesAt(
  trials: SortedTrials,
  threshold: number,
): { far: number; frr: number } {
  const { targets: t, nonTargets: n } = trials;
  return {
    far: (n.length - countBelow(n, threshold)) / n.length,
    frr: countBelow(t, threshold) / t.length,
  };
}

/** Normalised DCF of the decisions actually made at a threshold (for LLRs use bayesThreshold). */
export function actualDcf(
  trials: SortedTrials,
  threshold: number,
  cost: CostParams = DEFAULT_COST,
): number {
  checkCost(cost);
  const { far, frr } = errorRatesAt(trials, threshold);
  return normalizedDcf(frr, far, cost);
}

/** The LLR threshold a Bayes decision uses at these costs: -ln(pTarget cMiss / ((1 - pTarget) cFa)). */
export function bayesThreshold(cost: CostParams = DEFAULT_COST): number {
  checkCost(cost);
  return -Math.log((cost.pTarget * cost.cMiss) / ((1 - cost.pTarget) * cost.cFa));
}

/** One DET point: probit axes, clamped so that 0 % and 100 % stay drawable. */
export interface DetPoint extends OperatingPoint {
  readonly probitPFa: number;
  readonly probitPMiss: number;
}

/** Probabilities are clamped to [1e-6, 1 - 1e-6] before the probit, i.e. to about ±4.75. */
export const DET_CLAMP = 1e-6;

function clampedProbit(p: number): number {
  return probit(Math.min(1 - DET_CLAMP, Math.max(DET_CLAMP, p)));
}

/** DET curve: every distinct operating point (steps, not the hull), on probit axes. */
export function detCurve(trials: SortedTrials): DetPoint[] {
  return operatingPoints(trials).map((p) => ({
    ...p,
    probitPFa: clampedProbit(p.pFa),
    probitPMiss: clampedProbit(p.pMiss),
  }));
}
