/** The score-distribution picture's numbers: shared bins, every trial counted once, and the two shares read off it. */
import { describe, expect, it } from 'vitest';
import { scoreDistribution } from '../../../src/scoring/score-histogram.js';

describe('scoreDistribution', () => {
  const targets = [2, 3, 4, 5, 6];
  const nonTargets = [-6, -5, -4, -3, -2, -1, 0, 1, 2.5, 3];

  it('counts every trial in one bin of a range that holds them and the score', () => {
    const d = scoreDistribution(targets, nonTargets, 2.5, 'llr', 20);
    expect(d.target.reduce((a, b) => a + b, 0)).toBe(5);
    expect(d.nonTarget.reduce((a, b) => a + b, 0)).toBe(10);
    expect(d.lo).toBeLessThan(-6);
    expect(d.lo + 20 * d.binWidth).toBeGreaterThan(6);
    // Each value sits in the bin its position names.
    const bin = (v: number) => Math.floor((v - d.lo) / d.binWidth);
    expect(d.target[bin(6)]).toBe(1);
    expect(d.nonTarget[bin(-6)]).toBe(1);
  });

  it('reads the share of different-speaker trials at or above the score and of same-speaker trials below it', () => {
    const d = scoreDistribution(targets, nonTargets, 2.5, 'llr');
    expect(d.nonTargetsAtOrAbove).toBeCloseTo(2 / 10, 10); // 2.5 and 3
    expect(d.targetsBelow).toBeCloseTo(1 / 5, 10); // 2
    expect(d).toMatchObject({ targetTrials: 5, nonTargetTrials: 10, score: 2.5, kind: 'llr' });
  });

  it('leaves out non-finite scores, and says null (not 0 %) when a side has no trials', () => {
    const d = scoreDistribution([], [Number.NaN, 1], 0, 'score', 10);
    expect(d.nonTarget.reduce((a, b) => a + b, 0)).toBe(1);
    expect(d.nonTargetTrials).toBe(1);
    expect(d.nonTargetsAtOrAbove).toBe(1);
    expect(d.targetsBelow).toBeNull();
    expect(Number.isFinite(d.lo) && d.binWidth > 0).toBe(true);
  });
});
