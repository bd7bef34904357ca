import { describe, expect, it } from 'vitest';
import { meanOfNormalized } from '../../../src/embedding/vectors.js';
import { buildScoringCohort } from '../../../src/scoring/cohort-rule.js';
import { MAX_NON_TARGET_TRIALS, checkPopulation, overstates, withholdingFor } from '../../../src/scoring/population-check.js';
import type { PopulationPerformer } from '../../../src/scoring/population-check.js';
import type { ScoringSetup } from '../../../src/scoring/scorer.js';
import { DEFAULT_BANDS } from '../../../src/scoring/verdict.js';
import type { Calibration } from '../../../src/scoring/calibration.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const DIM = 32;

/** Synthetic performers: a random voice per performer, windows = voice + noise; every other one has two references. */
function population(n: number, seed: number, noise = 0.6): PopulationPerformer[] {
  const r = rng(seed);
  const g = () => (r() + r() + r() - 1.5) * 2;
  return Array.from({ length: n }, (_, i) => {
    const voice = Float32Array.from({ length: DIM }, g);
    const ref = () => Array.from({ length: 4 }, () => Float32Array.from(voice, (x) => x + noise * g()));
    return { id: `p${i}`, references: i % 2 === 0 ? [ref(), ref()] : [ref()] };
  });
}
const vps = (ps: readonly PopulationPerformer[]) => ps.map((p) => meanOfNormalized(p.references.flat()));
const CAL: Calibration = { a: 1.2, b: -3, prior: 0.5, nTarget: 1, nNonTarget: 1, fittedAt: '2026-01-01T00:00:00.000Z', scoreKind: 'as-norm' };
const STATED = new Map([['very-high', 0.02], ['high', 0.04], ['moderate', 0.08]]);

function setupFor(ps: readonly PopulationPerformer[], cal: Calibration = CAL): ScoringSetup {
  const v = vps(ps);
  return { cohort: buildScoringCohort(ps.map((p, i) => ({ performerId: p.id, vector: v[i] as Float32Array })), []), calibration: cal, bands: DEFAULT_BANDS, withheld: null };
}

describe('population check', () => {
  it('counts every trial of a small population: leave-one-out and same-session targets, all cross pairs', () => {
    const ps = population(24, 1);
    const c = checkPopulation(ps, vps(ps), setupFor(ps), STATED);
    // 12 performers with 2 references (2 targets each), 12 with one (1 same-session target each).
    expect(c.targetTrials).toBe(12 * 2 + 12);
    expect(c.sameSessionTargets).toBe(12);
    // Each voiceprint against every reference of the 23 others: 36 references in all.
    expect(c.nonTargetTrials).toBe(ps.reduce((s, p) => s + (36 - p.references.length), 0));
    expect(c.performers).toBe(24);
    expect(c.multiReference).toBe(12);
    expect(c.eer).not.toBeNull();
    expect(c.cllr).not.toBeNull();
    expect(c.bands.map((b) => b.key)).toEqual(DEFAULT_BANDS.map((b) => b.key));
    expect(c.bands[0]?.statedFalseMatchRate).toBe(0.02);
  });

  it('separable voices pass; a calibration that overstates on them is caught and the bands withheld', () => {
    const ps = population(24, 2, 0.3);
    const good = checkPopulation(ps, vps(ps), setupFor(ps), STATED);
    expect(good.eer).toBeLessThan(0.05);
    expect(good.withheld).toBeNull();
    // Shift every LLR up by 8: most different-performer trials now read as >= 90 %.
    const over = checkPopulation(ps, vps(ps), setupFor(ps, { ...CAL, b: CAL.b + 8 }), STATED);
    expect(over.bands[0]?.overstated).toBe(true);
    expect(over.withheld).toBe('overstating');
  });

  it('withholds for too few performers, or none, whatever the rates', () => {
    const ps = population(12, 3, 0.3);
    expect(checkPopulation(ps, vps(ps), setupFor(ps), STATED).withheld).toBe('too-few-performers');
    expect(checkPopulation([], [], { bands: DEFAULT_BANDS, withheld: null }, STATED).withheld).toBe('no-population');
    expect(withholdingFor(30, 9, [])).toBe('too-few-performers');
    expect(overstates(0.03, 0.0189, 90)).toBe(false);
    expect(overstates(0.04, 0.0189, 90)).toBe(true);
    expect(overstates(0.06, null, 75)).toBe(true);
    expect(overstates(0.9, 0.1, 0)).toBe(false); // the lowest band claims nothing
  });

  it('handles 2,000 synthetic performers, sampling non-target pairs evenly under the cap', () => {
    const ps = population(2000, 4);
    let progress = 0;
    const c = checkPopulation(ps, vps(ps), setupFor(ps), STATED, (done) => (progress = done));
    expect(progress).toBe(2000);
    expect(c.targetTrials).toBe(1000 * 2 + 1000);
    expect(c.nonTargetTrials).toBeLessThanOrEqual(MAX_NON_TARGET_TRIALS);
    expect(c.nonTargetTrials).toBeGreaterThan(MAX_NON_TARGET_TRIALS / 2);
    expect(c.eer).toBeLessThan(0.2);
  });
});
