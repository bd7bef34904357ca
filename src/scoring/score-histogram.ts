// Same- and different-speaker score distributions on shared bins, with where one score falls between
// them: the picture an examiner prefers to a number (how unusual is this score for each proposition?).
import type { ScoreDistribution } from '../domain/index.js';

/** Counts of each array in `bins` equal bins spanning both arrays and the score (padded by one bin). */
export function scoreDistribution(
  targetScores: ArrayLike<number>,
  nonTargetScores: ArrayLike<number>,
  score: number,
  kind: ScoreDistribution['kind'],
  bins = 40,
): ScoreDistribution {
  const targets = Array.from(targetScores).filter(Number.isFinite);
  const nonTargets = Array.from(nonTargetScores).filter(Number.isFinite);
  const all = [...targets, ...nonTargets, score].filter(Number.isFinite);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const width = (hi - lo) / (bins - 2);
  lo -= width; // one empty bin either side, so no value sits on the picture's edge
  const count = (xs: readonly number[]) => {
    const out = new Array<number>(bins).fill(0);
    for (const v of xs) out[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]! += 1;
    return out;
  };
  const share = (xs: readonly number[], pick: (v: number) => boolean) => (xs.length ? xs.filter(pick).length / xs.length : null);
  return {
    kind,
    lo,
    binWidth: width,
    target: count(targets),
    nonTarget: count(nonTargets),
    targetTrials: targets.length,
    nonTargetTrials: nonTargets.length,
    score,
    nonTargetsAtOrAbove: share(nonTargets, (v) => v >= score),
    targetsBelow: share(targets, (v) => v < score),
  };
}
