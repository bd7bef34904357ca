import { describe, expect, it } from 'vitest';
import { cohortTops, topStatsExcluding } from '../../../src/scoring/cohort-tops.js';
import { APP_COHORT_RULE, COHORT_FILL_BELOW, LEGACY_COHORT_RULE, buildScoringCohort, topNFor } from '../../../src/scoring/cohort-rule.js';
import { packEmbeddings } from '../../../src/scoring/matrix.js';
import { asNorm, cohortStats } from '../../../src/scoring/normalization.js';
import { makeScorer, readingFromScores, scorePair } from '../../../src/scoring/scorer.js';
import { DEFAULT_BANDS } from '../../../src/scoring/verdict.js';
import type { Calibration } from '../../../src/scoring/calibration.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const vec = (r: () => number, dim = 16) => Float32Array.from({ length: dim }, () => r() - 0.5);
const CAL: Calibration = { a: 2, b: -1, prior: 0.5, nTarget: 1, nNonTarget: 1, fittedAt: '2026-01-01T00:00:00.000Z', scoreKind: 'as-norm' };

describe('cohort tops with exclusions', () => {
  it('match a full rescan of the cohort without the excluded rows', () => {
    const r = rng(1);
    const cohortVecs = Array.from({ length: 30 }, () => vec(r));
    const cohort = packEmbeddings(cohortVecs);
    const probes = packEmbeddings([vec(r), vec(r)]);
    const tops = cohortTops(probes, cohort, 12);
    for (const ex of [[], [3], [3, 17]]) {
      const keep = cohortVecs.filter((_, i) => !ex.includes(i));
      const want = cohortStats(probes.data.slice(16, 32), packEmbeddings(keep), 10);
      const got = topStatsExcluding(tops, 1, 10, ex);
      expect(got.mean).toBeCloseTo(want.mean, 5);
      expect(got.sd).toBeCloseTo(want.sd, 5);
    }
  });

  it('refuse mismatched sizes and too little cohort', () => {
    const r = rng(2);
    expect(() => cohortTops(packEmbeddings([vec(r, 8)]), packEmbeddings([vec(r, 16)]), 3)).toThrow(/dims/);
    const tops = cohortTops(packEmbeddings([vec(r)]), packEmbeddings([vec(r), vec(r)]), 2);
    expect(() => topStatsExcluding(tops, 0, 2, [0])).toThrow(expect.objectContaining({ code: 'SCORING_COHORT_TOO_SMALL' }));
  });
});

describe('the cohort rule', () => {
  const r = rng(3);
  const shipped = Array.from({ length: 200 }, () => vec(r));
  const performers = (n: number) => Array.from({ length: n }, (_, i) => ({ performerId: `p${i}`, vector: vec(r) }));

  it('uses the enrolled performers alone once there are enough, with an adaptive top-N', () => {
    const c = buildScoringCohort(performers(COHORT_FILL_BELOW), shipped);
    expect(c?.shippedRows).toBe(0);
    expect(c?.performerRows).toBe(COHORT_FILL_BELOW);
    expect(c?.topN).toBe(topNFor(COHORT_FILL_BELOW - 2));
    expect(c?.owners.every((o) => o !== null)).toBe(true);
  });

  it('fills in with the shipped cohort below the threshold, and without performers', () => {
    const c = buildScoringCohort(performers(COHORT_FILL_BELOW - 1), shipped, APP_COHORT_RULE);
    expect(c?.shippedRows).toBe(200);
    expect(c?.topN).toBe(topNFor(200 + COHORT_FILL_BELOW - 1 - 2));
    expect(buildScoringCohort([], shipped)?.owners.every((o) => o === null)).toBe(true);
    expect(buildScoringCohort(performers(3), [])).toBeUndefined(); // too small for any statistics
  });

  it('keeps the legacy rule reproducible: everything, top-300 clamped', () => {
    const c = buildScoringCohort(performers(40), shipped, LEGACY_COHORT_RULE);
    expect(c?.matrix.rows).toBe(240);
    expect(c?.topN).toBe(238);
    expect([topNFor(10), topNFor(100), topNFor(5000)]).toEqual([5, 20, 100]);
  });
});

describe('the scorer', () => {
  const r = rng(4);
  const perf = Array.from({ length: 25 }, (_, i) => ({ performerId: `p${i}`, vector: vec(r) }));
  const cohort = buildScoringCohort(perf, []);

  it("leaves the trial's own performer out of both sides' cohort statistics", () => {
    if (!cohort) throw new Error('no cohort');
    const suspect = vec(r);
    const s = makeScorer({ cohort, calibration: CAL, bands: DEFAULT_BANDS, withheld: null }, [{ vector: perf[4]!.vector, owner: 'p4' }], [{ vector: suspect, owner: null }]);
    const others = packEmbeddings(perf.filter((p) => p.performerId !== 'p4').map((p) => p.vector));
    const e = cohortStats(packEmbeddings([perf[4]!.vector]).data, others, cohort.topN);
    const t = cohortStats(packEmbeddings([suspect]).data, others, cohort.topN);
    const got = s.scores(0, 0);
    const raw = got.raw;
    expect(got.normalized).toBeCloseTo(asNorm(raw, e, t), 5);
    const reading = s.reading(0, 0);
    expect(reading.llr).toBeCloseTo(2 * (got.normalized as number) - 1, 5);
    expect(() => s.scores(1, 0)).toThrow(/No trial/);
  });

  it('withholds % and band when the population cannot vouch for them, keeping raw and normalised scores', () => {
    const w = readingFromScores({ cohort, calibration: CAL, bands: DEFAULT_BANDS, withheld: 'too-few-performers' }, 0.8, 5);
    expect(w).toEqual({ rawCosine: 0.8, normalized: 5, llr: null, percent: null, band: 'withheld' });
    const ok = readingFromScores({ cohort, calibration: CAL, bands: DEFAULT_BANDS, withheld: null }, 0.8, 5);
    expect(ok.band).toBe('very-high');
    expect(ok.percent).toBeGreaterThan(99);
  });

  it('reads as uncalibrated when an AS-norm calibration has no cohort', () => {
    const x = scorePair({ calibration: CAL, bands: DEFAULT_BANDS, withheld: null }, { vector: vec(r), owner: null }, { vector: vec(r), owner: null });
    expect(x.band).toBe('uncalibrated');
    expect(x.normalized).toBeNull();
  });
});
