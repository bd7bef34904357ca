import type { TimelinePoint } from '../domain/index.js';
import type { VerdictBand } from '../scoring/verdict.js';

/** AS-norm score (in cohort standard deviations) above which an uncalibrated window counts as a match. */
export const UNCALIBRATED_NORM_THRESHOLD = 2;
/** Raw cosine above which a window counts as a match when there is neither calibration nor cohort. */
export const UNCALIBRATED_RAW_THRESHOLD = 0.5;

/**
 * Which timeline score marks a matching region, and from what value: the similarity % of the second
 * band from the top (the "high" band by default) when calibrated; otherwise heuristic thresholds on
 * the AS-norm score or the raw cosine, which the UI must present as uncalibrated.
 */
export function regionRule(
  timeline: readonly TimelinePoint[],
  bands: readonly VerdictBand[],
): { field: 'percent' | 'normalized' | 'rawCosine'; threshold: number } {
  const first = timeline[0];
  if (first?.percent != null) return { field: 'percent', threshold: (bands[1] ?? bands[0])?.minPercent ?? 75 };
  if (first?.normalized != null) return { field: 'normalized', threshold: UNCALIBRATED_NORM_THRESHOLD };
  return { field: 'rawCosine', threshold: UNCALIBRATED_RAW_THRESHOLD };
}
