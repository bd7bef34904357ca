// The validation figures of one scored trial list: EER and minDCF on the raw cosine, min Cllr (which
// any monotone map leaves unchanged), and Cllr only when there are calibrated LLRs to judge.
import { scoringError } from '../errors.js';
import { cllr, DEFAULT_COST, eer, minCllr, minDcf, sortTrials } from '../metrics.js';
import type { CostParams, SortedTrials } from '../metrics.js';
import type { ScoredTrial } from './score-trials.js';

export interface TrialMetrics {
  readonly nTarget: number;
  readonly nNonTarget: number;
  /** Equal error rate (ROC convex hull), as a fraction. */
  readonly eer: number;
  /** Minimum normalised DCF and the raw-cosine threshold that reaches it. */
  readonly minDcf: { readonly value: number; readonly threshold: number } & CostParams;
  /** Cllr in bits of the stored calibration's LLRs; null when the model is uncalibrated. */
  readonly cllr: number | null;
  /** Cllr after the best monotone recalibration: the discrimination loss alone. */
  readonly minCllr: number;
}

/** Sorted raw scores and, when every trial has one, sorted LLRs (for metrics and plots). */
export interface SortedScores {
  readonly raw: SortedTrials;
  readonly llr: SortedTrials | undefined;
}

/**
 * Splits scored trials by label; SCORING_NO_TRIALS when none are left, SCORING_ONE_CLASS when every
 * usable trial has the same label (no error rate can be measured from one class).
 */
export function sortScored(scored: readonly ScoredTrial[], skippedCount = 0): SortedScores {
  const pick = (label: 0 | 1, f: (s: ScoredTrial) => number | null) =>
    scored.filter((s) => s.trial.label === label).map(f);
  const t = pick(1, (s) => s.score);
  const n = pick(0, (s) => s.score);
  const after = skippedCount > 0 ? ` after skipping ${skippedCount} line(s)` : '';
  if (t.length === 0 && n.length === 0)
    throw scoringError('SCORING_NO_TRIALS', `No usable trials${after}`);
  if (t.length === 0 || n.length === 0) {
    const only = t.length === 0 ? 'different-speaker (0)' : 'same-speaker (1)';
    throw scoringError(
      'SCORING_ONE_CLASS',
      `Only ${only} trials are left${after}; error rates need both same-speaker (1) and different-speaker (0) trials`,
      { nTarget: t.length, nNonTarget: n.length },
    );
  }
  const lt = pick(1, (s) => s.llr);
  const ln = pick(0, (s) => s.llr);
  const hasLlr = [...lt, ...ln].every((v) => v !== null);
  return {
    raw: sortTrials(t as number[], n as number[]),
    llr: hasLlr ? sortTrials(lt as number[], ln as number[]) : undefined,
  };
}

/** EER, minDCF (P_target 0.01), Cllr and min Cllr of sorted scores. */
export function trialMetrics(s: SortedScores, cost: CostParams = DEFAULT_COST): TrialMetrics {
  return {
    nTarget: s.raw.targets.length,
    nNonTarget: s.raw.nonTargets.length,
    eer: eer(s.raw),
    minDcf: { ...minDcf(s.raw, cost), ...cost },
    cllr: s.llr ? cllr(s.llr) : null,
    minCllr: minCllr(s.raw),
  };
}
