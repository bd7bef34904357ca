// Error rates at each verdict band's threshold, measured on labelled trials, so a report can say
// "at ≥ 90 %, x % of different-speaker trials were wrongly flagged".
import { errorRatesAt } from './metrics.js';
import type { SortedTrials } from './trials.js';
import { bandLlrThreshold, DEFAULT_BANDS } from './verdict.js';
import type { VerdictBand } from './verdict.js';

export interface BandErrorRate {
  readonly key: string;
  readonly minPercent: number;
  readonly llrThreshold: number;
  /** Share of different-speaker trials at or above the band (false-match rate). */
  readonly falseMatchRate: number;
  /** Share of same-speaker trials below the band (missed-match rate). */
  readonly missRate: number;
}

/** FAR/FRR at every band's threshold; `llrTrials` are calibrated LLRs of labelled trials. */
export function bandErrorRates(
  llrTrials: SortedTrials,
  bands: readonly VerdictBand[] = DEFAULT_BANDS,
): BandErrorRate[] {
  return bands.map((b) => {
    const llrThreshold = bandLlrThreshold(b);
    const { far, frr } = errorRatesAt(llrTrials, llrThreshold);
    return {
      key: b.key,
      minPercent: b.minPercent,
      llrThreshold,
      falseMatchRate: far,
      missRate: frr,
    };
  });
}
