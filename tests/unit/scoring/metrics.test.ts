import { describe, expect, it } from 'vitest';
import {
  actualDcf,
  bayesThreshold,
  cllr,
  detCurve,
  eer,
  errorRatesAt,
  minCllr,
  minDcf,
  operatingPoints,
  sortTrials,
} from '../../../src/scoring/metrics.js';
import { probit } from '../../../src/scoring/probit.js';
import { gaussian, rng } from './rng.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('hand-computed cases', () => {
  // Pooled ascending: 0.1n 0.2n 0.3t 0.7n 0.8t 0.9t (nT = nN = 3).
  // Operating points (pMiss, pFa) after rejecting each score in turn:
  //   (0,1) (0,2/3) (0,1/3) (1/3,1/3) (1/3,0) (2/3,0) (1,0).
  const trials = sortTrials([0.9, 0.8, 0.3], [0.7, 0.2, 0.1]);

  it('lists every operating point', () => {
    const pts = operatingPoints(trials).map((p) => [p.pMiss, p.pFa]);
    expect(pts).toEqual([
      [0, 1],
      [0, 2 / 3],
      [0, 1 / 3],
      [1 / 3, 1 / 3],
      [1 / 3, 0],
      [2 / 3, 0],
      [1, 0],
    ]);
  });

  it('EER is the convex-hull crossing', () => {
    // Hull: (0,1) (0,1/3) (1/3,0) (1,0); (1/3,1/3) lies above the segment pMiss + pFa = 1/3, which
    // crosses pMiss = pFa at 1/6. (The step curve's EER would be 1/3.)
    expect(eer(trials)).toBeCloseTo(1 / 6, 12);
  });

  it('minDCF at P_target 0.01', () => {
    // Normalised DCF = (0.01 pMiss + 0.99 pFa) / 0.01 = pMiss + 99 pFa:
    //   99, 66, 33, 33.33, 1/3, 2/3, 1 -> min 1/3, reached by accepting >= 0.8.
    const m = minDcf(trials);
    expect(m.value).toBeCloseTo(1 / 3, 12);
    expect(m.threshold).toBe(0.8);
  });

  it('FAR/FRR and actual DCF at a threshold', () => {
    // Accept >= 0.5: non-target 0.7 accepted (FAR 1/3), target 0.3 rejected (FRR 1/3).
    expect(errorRatesAt(trials, 0.5)).toEqual({ far: 1 / 3, frr: 1 / 3 });
    // A score equal to the threshold is accepted.
    expect(errorRatesAt(trials, 0.7)).toEqual({ far: 1 / 3, frr: 1 / 3 });
    // Accept >= 0.75: FAR 0, FRR 1/3 -> DCF = 1/3 + 99 * 0.
    expect(actualDcf(trials, 0.75)).toBeCloseTo(1 / 3, 12);
    // Accept >= 0.5: 1/3 + 99 / 3 = 33.33.
    expect(actualDcf(trials, 0.5)).toBeCloseTo(1 / 3 + 33, 12);
  });

  it('Bayes threshold at P_target 0.01 is ln 99', () => {
    expect(bayesThreshold()).toBeCloseTo(Math.log(99), 12);
  });

  it('Cllr in bits', () => {
    // LLR 0 for everything: 0.5 * (ln 2 + ln 2) / ln 2 = 1 bit.
    expect(cllr(sortTrials([0, 0], [0]))).toBeCloseTo(1, 12);
    // Target LLR ln 3, non-target -ln 3: each costs ln(1 + 1/3) = ln(4/3); Cllr = log2(4/3) = 0.41504.
    expect(cllr(sortTrials([Math.log(3)], [-Math.log(3)]))).toBeCloseTo(Math.log2(4 / 3), 12);
  });

  it('min Cllr by PAV', () => {
    // Pooled 0.1n 0.3t 0.5n 0.9t -> labels 0 1 0 1; PAV pools (1, 0) into 0.5: posteriors 0, .5, .5, 1.
    // Prior log-odds ln(2/2) = 0, so LLRs -inf, 0, 0, +inf. Costs: targets (ln 2 + 0) / 2, non-targets
    // (0 + ln 2) / 2; Cllr = 0.5 * (ln 2 / 2 + ln 2 / 2) / ln 2 = 0.5.
    expect(minCllr(sortTrials([0.3, 0.9], [0.1, 0.5]))).toBeCloseTo(0.5, 12);
    // Perfectly separated: 0.
    expect(minCllr(sortTrials([2, 3], [0, 1]))).toBe(0);
  });
});

describe('ties and edge cases', () => {
  it('scores tied across classes move together', () => {
    const t = sortTrials([0.5, 0.5], [0.5, 0.5]);
    expect(operatingPoints(t).map((p) => [p.pMiss, p.pFa])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(eer(t)).toBeCloseTo(0.5, 12);
    expect(minDcf(t).value).toBeCloseTo(1, 12); // no better than rejecting everything
    expect(minCllr(t)).toBeCloseTo(1, 12);
  });

  it('refuses a single class, no trials and non-finite scores with clear codes', () => {
    expect(codeOf(() => sortTrials([0.1, 0.2], []))).toBe('SCORING_ONE_CLASS');
    expect(codeOf(() => sortTrials([], [0.1]))).toBe('SCORING_ONE_CLASS');
    expect(codeOf(() => sortTrials([], []))).toBe('SCORING_NO_TRIALS');
    expect(codeOf(() => sortTrials([NaN], [0.1]))).toBe('SCORING_NOT_FINITE');
    expect(codeOf(() => minDcf(sortTrials([1], [0]), { pTarget: 0, cMiss: 1, cFa: 1 }))).toBe(
      'SCORING_BAD_OPTION',
    );
  });

  it('a single trial per class', () => {
    const t = sortTrials([1], [0]);
    expect(eer(t)).toBe(0);
    expect(minDcf(t).value).toBe(0);
  });

  it('probit matches known quantiles', () => {
    expect(probit(0.5)).toBeCloseTo(0, 9);
    expect(probit(0.975)).toBeCloseTo(1.959964, 5);
    expect(probit(0.001)).toBeCloseTo(-3.090232, 5);
    expect(probit(0.01)).toBeCloseTo(-probit(0.99), 9);
    expect(probit(0)).toBe(-Infinity);
  });
});

// Independent slow computations: every threshold swept with full scans, no sorting tricks.
function bruteRates(t: number[], n: number[]): [number, number][] {
  // Accept-all, then for each distinct score v: reject everything <= v.
  const values = [...new Set([...t, ...n])].sort((a, b) => a - b);
  return [
    [0, 1],
    ...values.map(
      (v) =>
        [t.filter((x) => x <= v).length / t.length, n.filter((x) => x > v).length / n.length] as [
          number,
          number,
        ],
    ),
  ];
}

/** ROCCH-EER = max over priors of the minimum Bayes error rate (Brümmer); the max by ternary search. */
function bruteEer(rates: [number, number][]): number {
  const bayes = (p: number): number => Math.min(...rates.map(([pm, pf]) => p * pm + (1 - p) * pf));
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 200; k++) {
    const a = lo + (hi - lo) / 3;
    const b = hi - (hi - lo) / 3;
    if (bayes(a) < bayes(b)) lo = a;
    else hi = b;
  }
  return bayes((lo + hi) / 2);
}

/** Textbook PAV: merge adjacent violating blocks until none remain. */
function brutePavCllr(t: number[], n: number[]): number {
  const byScore = new Map<number, { s: number; c: number }>();
  for (const [vals, y] of [
    [t, 1],
    [n, 0],
  ] as const) {
    for (const v of vals) {
      const b = byScore.get(v) ?? { s: 0, c: 0 };
      b.s += y;
      b.c += 1;
      byScore.set(v, b);
    }
  }
  const keys = [...byScore.keys()].sort((a, b) => a - b);
  let blocks = keys.map((k) => ({ keys: [k], ...(byScore.get(k) as { s: number; c: number }) }));
  for (let changed = true; changed;) {
    changed = false;
    const out: typeof blocks = [];
    for (const b of blocks) {
      const last = out[out.length - 1];
      if (last && last.s / last.c >= b.s / b.c) {
        out[out.length - 1] = { keys: [...last.keys, ...b.keys], s: last.s + b.s, c: last.c + b.c };
        changed = true;
      } else out.push(b);
    }
    blocks = out;
  }
  const llrOf = new Map<number, number>();
  for (const b of blocks)
    for (const k of b.keys)
      llrOf.set(k, Math.log(b.s / (b.c - b.s)) - Math.log(t.length / n.length));
  const cost = (x: number): number => (x === -Infinity ? 0 : Math.log(1 + Math.exp(x)));
  const ct = t.reduce((a, v) => a + cost(-(llrOf.get(v) as number)), 0) / t.length;
  const cn = n.reduce((a, v) => a + cost(llrOf.get(v) as number), 0) / n.length;
  return (0.5 * (ct + cn)) / Math.LN2;
}

describe('fast metrics agree with brute force on random data', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}`, () => {
      const rand = rng(seed);
      const g = gaussian(rand);
      // Rounding to 0.05 creates plenty of ties within and across classes.
      const q = (v: number): number => Math.round(v * 20) / 20;
      const t = Array.from({ length: 40 + seed * 30 }, () => q(1.2 + g()));
      const n = Array.from({ length: 200 + seed * 40 }, () => q(g()));
      const trials = sortTrials(t, n);
      const rates = bruteRates(t, n);
      const fast = operatingPoints(trials).map((p) => [p.pMiss, p.pFa]);
      expect(fast).toEqual(rates);
      const costOf = ([pm, pf]: [number, number]): number => pm + 99 * pf;
      expect(minDcf(trials).value).toBeCloseTo(Math.min(...rates.map(costOf)), 10);
      expect(eer(trials)).toBeCloseTo(bruteEer(rates), 9);
      expect(minCllr(trials)).toBeCloseTo(brutePavCllr(t, n), 10);
      const det = detCurve(trials);
      expect(det).toHaveLength(rates.length);
      expect(det.every((p) => Number.isFinite(p.probitPFa) && Number.isFinite(p.probitPMiss))).toBe(
        true,
      );
      // Actual DCF at the min-DCF threshold is the min DCF.
      expect(actualDcf(trials, minDcf(trials).threshold)).toBeCloseTo(minDcf(trials).value, 10);
    });
  }

  it('measures 5,000 trials (speed is benchmarked in npm run bench, not asserted here)', () => {
    const g = gaussian(rng(9));
    const t = Array.from({ length: 1000 }, () => 2 + g());
    const n = Array.from({ length: 4000 }, () => g());
    const trials = sortTrials(t, n);
    expect(minDcf(trials).value).toBeGreaterThan(0);
    expect(minCllr(trials)).toBeGreaterThan(0);
    expect(detCurve(trials).length).toBeGreaterThan(2);
    // Equal-variance Gaussians 2 sd apart: EER = Phi(-1) = 0.159 (sampling error ~0.01).
    expect(eer(trials)).toBeGreaterThan(0.13);
    expect(eer(trials)).toBeLessThan(0.19);
  });
});
