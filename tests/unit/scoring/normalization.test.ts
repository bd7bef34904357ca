// What truly holds for AS-norm, and what these tests pin down:
// - For fixed cohort stats on both sides, s_norm = 0.5 ((s - mu_e) / sd_e + (s - mu_t) / sd_t) is a
//   strictly increasing affine function of s.
// - For ONE test clip, the test-side term (s - mu_t) / sd_t is the same increasing map for every enroll
//   voiceprint, so it never reorders performers. The enroll-side term can: a voiceprint with many close
//   cohort neighbours (high mu_e) is marked down. That is AS-norm's purpose, not a bug, so the property
//   is: a pair of voiceprints is reordered only when their enroll-side z-scores are reordered too.
// - Calibration (a > 0) is increasing: it never reorders anything, before or after AS-norm.
import { describe, expect, it } from 'vitest';
import { applyCalibration, fitCalibration } from '../../../src/scoring/calibration.js';
import { packEmbeddings } from '../../../src/scoring/matrix.js';
import {
  asNorm,
  asNormScore,
  cohortStats,
  cohortStatsBatch,
} from '../../../src/scoring/normalization.js';
import { selectTopK } from '../../../src/scoring/select.js';
import { normals, rng, unitVector } from './rng.js';

const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((s, x, i) => s + x * (b[i] as number), 0);

function bruteStats(
  v: Float32Array,
  cohort: Float32Array[],
  topN: number,
  exclude = -1,
): { mean: number; sd: number } {
  const top = cohort
    .filter((_, i) => i !== exclude)
    .map((c) => dot(v, c))
    .sort((a, b) => b - a)
    .slice(0, topN);
  const mean = top.reduce((a, b) => a + b, 0) / top.length;
  return { mean, sd: Math.sqrt(top.reduce((a, b) => a + (b - mean) ** 2, 0) / top.length) };
}

describe('selectTopK', () => {
  it('puts the k largest first, with duplicates and sorted input', () => {
    const rand = rng(21);
    for (let trial = 0; trial < 200; trial++) {
      const len = 1 + Math.floor(rand() * 60);
      const k = 1 + Math.floor(rand() * len);
      const kind = trial % 3;
      const xs = Float64Array.from({ length: len }, (_, i) =>
        kind === 0 ? Math.round(rand() * 4) : kind === 1 ? i : rand(),
      );
      const expected = [...xs].sort((a, b) => b - a).slice(0, k);
      selectTopK(xs, len, k);
      expect([...xs.subarray(0, k)].sort((a, b) => b - a)).toEqual(expected);
    }
  });
});

describe('cohort stats', () => {
  const rand = rng(22);
  const cohortVecs = Array.from({ length: 60 }, () => unitVector(rand, 32));
  const cohort = packEmbeddings(cohortVecs);

  it('match a brute-force sort, with and without an excluded self row', () => {
    const v = unitVector(rand, 32);
    const s = cohortStats(v, cohort, 10);
    const b = bruteStats(v, cohortVecs, 10);
    expect(s.mean).toBeCloseTo(b.mean, 6);
    expect(s.sd).toBeCloseTo(b.sd, 6);
    const self = cohortVecs[5] as Float32Array;
    const ex = cohortStats(self, cohort, 10, 5);
    expect(ex.mean).toBeCloseTo(bruteStats(self, cohortVecs, 10, 5).mean, 6);
    expect(cohortStats(self, cohort, 10).mean).toBeGreaterThan(ex.mean); // its own row (cosine 1) would count
  });

  it('batch equals one at a time', () => {
    const vs = Array.from({ length: 7 }, () => unitVector(rand, 32));
    const batch = cohortStatsBatch(packEmbeddings(vs), cohort, 15, [3, -1, -1, -1, -1, -1, -1]);
    vs.forEach((v, i) => {
      const one = cohortStats(v, cohort, 15, i === 0 ? 3 : -1);
      expect(batch.mean[i]).toBeCloseTo(one.mean, 6);
      expect(batch.sd[i]).toBeCloseTo(one.sd, 6);
    });
  });

  it('AS-norm is symmetric in enroll and test', () => {
    const e = unitVector(rand, 32);
    const t = unitVector(rand, 32);
    expect(asNormScore(e, t, cohort, 20).normalized).toBeCloseTo(
      asNormScore(t, e, cohort, 20).normalized,
      6,
    );
  });

  it('refuses mismatched sizes, tiny cohorts and bad topN', () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as { code?: string }).code;
      }
      return undefined;
    };
    expect(code(() => cohortStats(new Float32Array(16), cohort, 10))).toBe('SCORING_DIM_MISMATCH');
    expect(
      code(() => cohortStats(new Float32Array(32), packEmbeddings(cohortVecs.slice(0, 2)), 10)),
    ).toBe('SCORING_COHORT_TOO_SMALL');
    expect(code(() => cohortStats(new Float32Array(32), cohort, 1))).toBe('SCORING_BAD_OPTION');
  });
});

describe('property: what normalisation and calibration may reorder for one test clip', () => {
  const order = (xs: readonly number[]): number[] =>
    [...xs.keys()].sort((i, j) => (xs[i] as number) - (xs[j] as number) || i - j);

  it('with fixed stats, AS-norm is strictly increasing in the raw score', () => {
    const rand = rng(31);
    for (let k = 0; k < 500; k++) {
      const e = { mean: rand() - 0.5, sd: 0.01 + rand() * 0.3 };
      const t = { mean: rand() - 0.5, sd: 0.01 + rand() * 0.3 };
      const s1 = rand() * 2 - 1;
      const s2 = s1 + 1e-6 + rand() * 0.5;
      expect(asNorm(s2, e, t)).toBeGreaterThan(asNorm(s1, e, t));
    }
  });

  for (const seed of [41, 42, 43]) {
    it(`one test clip vs many voiceprints (seed ${seed})`, () => {
      const rand = rng(seed);
      const dim = 24;
      // A clustered cohort so enroll-side stats differ a lot between voiceprints.
      const centre = unitVector(rand, dim);
      const cohortVecs = Array.from({ length: 80 }, (_, i) => {
        const r = unitVector(rand, dim);
        const w = i % 2 === 0 ? 1.5 : 0; // half near the centre, half spread out
        return packEmbeddings([r.map((x, d) => x + w * (centre[d] as number))]).data;
      });
      const cohort = packEmbeddings(cohortVecs);
      const test = unitVector(rand, dim);
      const tStats = cohortStats(test, cohort, 20);
      const enrolls = Array.from({ length: 60 }, () => {
        const r = unitVector(rand, dim);
        const w = rand() * 1.5;
        return packEmbeddings([
          r.map((x, d) => x + w * (centre[d] as number) + 0.5 * (test[d] as number)),
        ]).data;
      });
      const raw = enrolls.map((e) => dot(e, test));
      const eStats = enrolls.map((e) => cohortStats(e, cohort, 20));
      const norm = raw.map((s, i) => asNorm(s, eStats[i] as { mean: number; sd: number }, tStats));
      const zEnroll = raw.map((s, i) => (s - (eStats[i]?.mean ?? 0)) / (eStats[i]?.sd ?? 1));
      const tNorm = raw.map((s) => (s - tStats.mean) / tStats.sd);

      // 1. The test-side term alone never reorders voiceprints.
      expect(order(tNorm)).toEqual(order(raw));
      // 2. Any pair AS-norm reorders is reordered by the enroll-side z-scores too.
      let reordered = 0;
      for (let i = 0; i < raw.length; i++) {
        for (let j = 0; j < raw.length; j++) {
          if (
            (raw[i] as number) > (raw[j] as number) &&
            (norm[i] as number) < (norm[j] as number)
          ) {
            reordered++;
            expect(zEnroll[i] as number).toBeLessThan(zEnroll[j] as number);
          }
        }
      }
      // ...and such reorderings do happen here (AS-norm is not a monotone map of the raw cosine).
      expect(reordered).toBeGreaterThan(0);
      // 3. Calibration never reorders: not the raw scores, not the AS-norm scores.
      const cal = fitCalibration(normals(rand, 200, 3, 1), normals(rand, 200, 0, 1), {
        scoreKind: 'as-norm',
      });
      expect(order(norm.map((s) => applyCalibration(cal, s)))).toEqual(order(norm));
      expect(order(raw.map((s) => applyCalibration(cal, s)))).toEqual(order(raw));
    });
  }
});
