import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../../src/scoring/calibration.js';
import { packEmbeddings } from '../../../src/scoring/matrix.js';
import { cohortStats } from '../../../src/scoring/normalization.js';
import {
  findMatchingRegions,
  movingAverage,
  scoreTimeline,
} from '../../../src/scoring/timeline.js';
import type { TimelinePoint } from '../../../src/scoring/timeline.js';
import { rng, unitVector } from './rng.js';

describe('movingAverage', () => {
  it('averages a centred window that shrinks at the edges', () => {
    // width 3: [ (1+2)/2, (1+2+6)/3, (2+6+3)/3, (6+3)/2 ]
    expect(movingAverage([1, 2, 6, 3], 3)).toEqual([1.5, 3, 11 / 3, 4.5]);
    expect(movingAverage([1, 2], 1)).toEqual([1, 2]);
    expect(() => movingAverage([1], 2)).toThrow(/odd/);
  });
});

describe('scoreTimeline and findMatchingRegions', () => {
  const rand = rng(61);
  const dim = 32;
  const voice = unitVector(rand, dim);
  // A 10-window clip (1 s windows, 0.5 s hop): windows 2-5 are the performer, the rest another voice.
  const windows = Array.from({ length: 10 }, (_, i) => {
    const own = i >= 2 && i <= 5;
    const base = own ? voice : unitVector(rand, dim);
    return {
      start: i * 0.5,
      end: i * 0.5 + 1,
      embedding: base.map((x) => x + 0.05 * (rand() - 0.5)),
    };
  });
  const cal: Calibration = {
    a: 10,
    b: -5,
    prior: 0.5,
    nTarget: 1,
    nNonTarget: 1,
    fittedAt: '',
    scoreKind: 'raw-cosine',
  };

  it('scores each window and finds where the performer speaks', () => {
    const tl = scoreTimeline(windows, voice, { calibration: cal });
    expect(tl).toHaveLength(10);
    expect(tl[3]?.raw).toBeGreaterThan(0.95);
    expect(tl[3]?.llr).toBeCloseTo(10 * (tl[3]?.raw ?? 0) - 5, 10);
    expect(tl[3]?.percent).toBeGreaterThan(99);
    const regions = findMatchingRegions(tl, 0); // LLR >= 0, i.e. >= 50 %
    expect(regions.map((r) => [r.start, r.end, r.windowCount])).toEqual([[1, 3.5, 4]]);
    expect(findMatchingRegions(tl, 0.8, { field: 'raw' })).toHaveLength(1);
  });

  it('merges across short gaps and drops short regions when asked', () => {
    const pt = (start: number, raw: number): TimelinePoint => ({ start, end: start + 1, raw });
    // Above 0.5 at windows starting 0, 1, 3, 7: runs [0,2], [3,4], [7,8].
    const tl = [
      pt(0, 0.9),
      pt(1, 0.8),
      pt(2, 0.1),
      pt(3, 0.7),
      pt(4, 0.2),
      pt(5, 0.1),
      pt(6, 0.3),
      pt(7, 0.9),
    ];
    expect(findMatchingRegions(tl, 0.5).map((r) => [r.start, r.end])).toEqual([
      [0, 2],
      [3, 4],
      [7, 8],
    ]);
    // Gap from 2 to 3 is 1 s -> merged with maxGap 1; gap 4 -> 7 is 3 s -> kept apart.
    const merged = findMatchingRegions(tl, 0.5, { maxGap: 1 });
    expect(merged.map((r) => [r.start, r.end, r.windowCount])).toEqual([
      [0, 4, 3],
      [7, 8, 1],
    ]);
    expect(merged[0]?.peak).toBe(0.9);
    expect(merged[0]?.mean).toBeCloseTo(0.8, 12);
    expect(findMatchingRegions(tl, 0.5, { minDuration: 1.5 }).map((r) => r.start)).toEqual([0]);
  });

  it('smooths, and normalises each window against a cohort', () => {
    const cohort = packEmbeddings(Array.from({ length: 30 }, () => unitVector(rand, dim)));
    const enrollStats = cohortStats(voice, cohort, 10);
    const plain = scoreTimeline(windows, voice);
    const smooth = scoreTimeline(windows, voice, {
      smoothWindows: 3,
      normalization: { cohort, enrollStats, topN: 10 },
    });
    expect(smooth[4]?.raw).toBeCloseTo(
      ((plain[3]?.raw ?? 0) + (plain[4]?.raw ?? 0) + (plain[5]?.raw ?? 0)) / 3,
      6,
    );
    expect(smooth[3]?.normalized).toBeGreaterThan(smooth[8]?.normalized ?? Infinity);
    expect(() =>
      scoreTimeline(windows, voice, { calibration: { ...cal, scoreKind: 'as-norm' } }),
    ).toThrow(/AS-norm/);
  });
});
