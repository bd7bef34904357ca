import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  fitCalibration,
  llrToProbability,
  parseCalibration,
} from '../../../src/scoring/calibration.js';
import { cllr, minCllr, sortTrials } from '../../../src/scoring/metrics.js';
import { normals, rng } from './rng.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};
const fixedClock = (): Date => new Date('2025-01-02T03:04:05.000Z');

describe('fitCalibration', () => {
  it('recovers the true LLR of equal-variance Gaussian scores', () => {
    // Targets N(2, 1), non-targets N(0, 1): LLR(s) = ln N(s; 2, 1) - ln N(s; 0, 1) = 2 s - 2.
    const rand = rng(11);
    const cal = fitCalibration(normals(rand, 20000, 2, 1), normals(rand, 20000, 0, 1), {
      now: fixedClock,
    });
    expect(cal.a).toBeGreaterThan(1.92);
    expect(cal.a).toBeLessThan(2.08);
    expect(cal.b).toBeGreaterThan(-2.1);
    expect(cal.b).toBeLessThan(-1.9);
    expect(cal).toMatchObject({
      prior: 0.5,
      nTarget: 20000,
      nNonTarget: 20000,
      fittedAt: '2025-01-02T03:04:05.000Z',
      scoreKind: 'raw-cosine',
    });
  });

  it('does not depend on the class proportions (prior-weighted objective)', () => {
    // Cosine-like scale: targets N(0.6, 0.1), non-targets N(0.2, 0.1): LLR = 40 s - 16.
    const rand = rng(12);
    const cal = fitCalibration(normals(rand, 3000, 0.6, 0.1), normals(rand, 30000, 0.2, 0.1));
    expect(cal.a).toBeGreaterThan(37);
    expect(cal.a).toBeLessThan(43);
    expect(applyCalibration(cal, 0.4)).toBeCloseTo(0, 0); // the midpoint is LR = 1
  });

  it('is monotonic: a > 0, so the order of scores is preserved', () => {
    const rand = rng(13);
    const scores = normals(rand, 200, 0.3, 0.2);
    const cal = fitCalibration(normals(rand, 300, 0.5, 0.15), normals(rand, 300, 0.1, 0.15));
    expect(cal.a).toBeGreaterThan(0);
    const byScore = [...scores.keys()].sort(
      (i, j) => (scores[i] as number) - (scores[j] as number),
    );
    const llrs = scores.map((s) => applyCalibration(cal, s));
    const byLlr = [...llrs.keys()].sort((i, j) => (llrs[i] as number) - (llrs[j] as number));
    expect(byLlr).toEqual(byScore);
  });

  it('improves Cllr on held-out trials over raw cosine read as an LLR', () => {
    const rand = rng(14);
    const gen = (nt: number, nn: number) => ({
      t: normals(rand, nt, 0.55, 0.12),
      n: normals(rand, nn, 0.15, 0.12),
    });
    const train = gen(500, 2000);
    const test = gen(500, 2000);
    const cal = fitCalibration(train.t, train.n);
    const rawCllr = cllr(sortTrials(test.t, test.n));
    const calibrated = sortTrials(
      test.t.map((s) => applyCalibration(cal, s)),
      test.n.map((s) => applyCalibration(cal, s)),
    );
    const calCllr = cllr(calibrated);
    expect(rawCllr).toBeGreaterThan(0.7); // cosines near 0.5 say almost nothing as LLRs
    expect(calCllr).toBeLessThan(rawCllr / 2);
    // Well-calibrated: within a few hundredths of a bit of the best monotone map on the same trials.
    expect(calCllr - minCllr(calibrated)).toBeLessThan(0.05);
  });

  it('stays finite on separable data (L2 penalty)', () => {
    const cal = fitCalibration([0.8, 0.9, 0.85], [0.1, 0.2, 0.15]);
    expect(Number.isFinite(cal.a) && Number.isFinite(cal.b)).toBe(true);
    expect(cal.a).toBeGreaterThan(0);
    expect(applyCalibration(cal, 0.9)).toBeGreaterThan(0);
    expect(applyCalibration(cal, 0.1)).toBeLessThan(0);
  });

  it('refuses one class, non-finite scores and anti-correlated scores', () => {
    expect(codeOf(() => fitCalibration([0.5], []))).toBe('SCORING_ONE_CLASS');
    expect(codeOf(() => fitCalibration([Infinity], [0.1]))).toBe('SCORING_NOT_FINITE');
    expect(codeOf(() => fitCalibration([0.1, 0.2], [0.8, 0.9]))).toBe('SCORING_BAD_CALIBRATION');
    expect(codeOf(() => fitCalibration([0.9], [0.1], { prior: 1 }))).toBe('SCORING_BAD_OPTION');
  });
});

describe('llrToProbability and parseCalibration', () => {
  it('maps LLRs to posteriors at a prior', () => {
    expect(llrToProbability(0)).toBe(0.5);
    expect(llrToProbability(Math.log(9))).toBeCloseTo(0.9, 12); // LR 9 at 1:1 odds -> 9/10
    expect(llrToProbability(0, 0.01)).toBeCloseTo(0.01, 12);
    expect(llrToProbability(Math.log(99), 0.01)).toBeCloseTo(0.5, 12);
    expect(llrToProbability(1000)).toBe(1);
    expect(llrToProbability(-1000)).toBe(0);
  });

  it('round-trips stored calibrations and rejects bad ones', () => {
    const cal = fitCalibration([0.7, 0.8, 0.6, 0.3], [0.1, 0.2, 0.4, 0.0]);
    expect(parseCalibration(JSON.parse(JSON.stringify(cal)))).toEqual(cal);
    expect(codeOf(() => parseCalibration({ ...cal, a: -1 }))).toBe('SCORING_BAD_CALIBRATION');
    expect(codeOf(() => parseCalibration({ ...cal, scoreKind: 'z-norm' }))).toBe(
      'SCORING_BAD_CALIBRATION',
    );
    expect(codeOf(() => parseCalibration(null))).toBe('SCORING_BAD_CALIBRATION');
  });
});
