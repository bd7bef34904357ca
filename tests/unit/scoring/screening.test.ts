import { describe, expect, it } from 'vitest';
import type { Calibration } from '../../../src/scoring/calibration.js';
import { packEmbeddings } from '../../../src/scoring/matrix.js';
import { asNorm, cohortStats } from '../../../src/scoring/normalization.js';
import { screen } from '../../../src/scoring/screening.js';
import { rng, unitVector } from './rng.js';

const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((s, x, i) => s + x * (b[i] as number), 0);
const cal = (scoreKind: Calibration['scoreKind']): Calibration => ({
  a: 5,
  b: -1,
  prior: 0.5,
  nTarget: 10,
  nNonTarget: 10,
  fittedAt: '',
  scoreKind,
});

describe('screen', () => {
  const rand = rng(51);
  const dim = 16;
  const performers = Array.from({ length: 9 }, (_, i) => ({
    id: `p${i}`,
    embedding: unitVector(rand, dim),
  }));
  // Suspects 0-2 are noisy copies of performers 2, 5, 7; suspect 3 is nobody.
  const suspects = [2, 5, 7, -1].map((p, i) => {
    const base = p >= 0 ? (performers[p]?.embedding as Float32Array) : unitVector(rand, dim);
    return {
      id: `s${i}`,
      embedding: packEmbeddings([base.map((x) => x + 0.2 * (rand() - 0.5))]).data,
    };
  });

  it('raw matrix, top-K per suspect, per performer and overall agree with brute force', () => {
    const r = screen(suspects, performers, { topK: 3, overallLimit: 5 });
    expect(r.rankedBy).toBe('raw-cosine');
    const all = suspects.flatMap((s) =>
      performers.map((p) => ({ s: s.id, p: p.id, v: dot(s.embedding, p.embedding) })),
    );
    all.forEach((x, k) => expect(r.raw[k]).toBeCloseTo(x.v, 5));
    suspects.forEach((s, i) => {
      const expected = all
        .filter((x) => x.s === s.id)
        .sort((a, b) => b.v - a.v)
        .slice(0, 3)
        .map((x) => x.p);
      expect(r.perSuspect[i]?.map((m) => m.performerId)).toEqual(expected);
    });
    performers.forEach((p, j) => {
      const expected = all
        .filter((x) => x.p === p.id)
        .sort((a, b) => b.v - a.v)
        .slice(0, 3)
        .map((x) => x.s);
      expect(r.perPerformer[j]?.map((m) => m.suspectId)).toEqual(expected);
    });
    expect(r.overall.map((m) => `${m.suspectId}/${m.performerId}`)).toEqual(
      all
        .sort((a, b) => b.v - a.v)
        .slice(0, 5)
        .map((x) => `${x.s}/${x.p}`),
    );
    expect(r.perSuspect[0]?.[0]?.performerId).toBe('p2');
    expect(r.perSuspect[2]?.[0]?.performerId).toBe('p7');
  });

  it('AS-norm with performers in the cohort excludes each performer from its own stats', () => {
    const extra = Array.from({ length: 20 }, () => unitVector(rand, dim));
    const cohort = packEmbeddings([...performers.map((p) => p.embedding), ...extra]);
    const r = screen(suspects, performers, {
      cohort: { matrix: cohort, topN: 8, performerRows: performers.map((_, j) => j) },
      calibration: cal('as-norm'),
    });
    expect(r.rankedBy).toBe('llr');
    const i = 1;
    const j = 4;
    const e = cohortStats(performers[j]?.embedding as Float32Array, cohort, 8, j);
    const t = cohortStats(suspects[i]?.embedding as Float32Array, cohort, 8);
    const expected = asNorm(
      dot(suspects[i]?.embedding as Float32Array, performers[j]?.embedding as Float32Array),
      e,
      t,
    );
    expect(r.normalized?.[i * performers.length + j]).toBeCloseTo(expected, 4);
    const top = r.perSuspect[i]?.[0];
    expect(top?.llr).toBeCloseTo(5 * (top?.normalized ?? 0) - 1, 4);
    expect(top?.percent).toBeGreaterThan(0);
    expect(top?.percent).toBeLessThan(100.0001);
  });

  it('refuses an AS-norm calibration without a cohort, and mixed embedding sizes', () => {
    expect(() => screen(suspects, performers, { calibration: cal('as-norm') })).toThrow(/cohort/);
    expect(() => screen([{ id: 'x', embedding: new Float32Array(8) }], performers)).toThrow(/dims/);
  });

  it('handles empty inputs', () => {
    const r = screen([], performers);
    expect(r.perSuspect).toEqual([]);
    expect(r.perPerformer.every((l) => l.length === 0)).toBe(true);
    expect(r.overall).toEqual([]);
  });
});
