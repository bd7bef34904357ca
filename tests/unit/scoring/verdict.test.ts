import { describe, expect, it } from 'vitest';
import { bandErrorRates } from '../../../src/scoring/band-rates.js';
import type { Calibration } from '../../../src/scoring/calibration.js';
import { sortTrials } from '../../../src/scoring/metrics.js';
import {
  bandFor,
  DEFAULT_BANDS,
  makeVerdict,
  SIMILARITY_DEFINITION_EN,
  SIMILARITY_DEFINITION_JA,
  validateBands,
  verbalScale,
} from '../../../src/scoring/verdict.js';
import type { VerdictBand } from '../../../src/scoring/verdict.js';

const cal: Calibration = {
  a: 1,
  b: 0,
  prior: 0.5,
  nTarget: 1,
  nNonTarget: 1,
  fittedAt: '',
  scoreKind: 'raw-cosine',
};
const band = (key: string, minPercent: number): VerdictBand => ({
  key,
  minPercent,
  labelEn: key,
  labelJa: key,
  colorToken: `t-${key}`,
});
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('verdict bands', () => {
  it('defaults to the union bands', () => {
    expect(validateBands(DEFAULT_BANDS)).toBe(DEFAULT_BANDS);
    expect(bandFor(90).labelJa).toBe('非常に高い');
    expect(bandFor(89.99).key).toBe('high');
    expect(bandFor(75).key).toBe('high');
    expect(bandFor(50).key).toBe('moderate');
    expect(bandFor(49.9).labelEn).toBe('low');
    expect(bandFor(0).colorToken).toBe('verdict-low');
  });

  it('rejects unsorted, duplicate, out-of-range, gapped and unlabelled bands', () => {
    expect(codeOf(() => validateBands([band('a', 50), band('b', 80), band('c', 0)]))).toBe(
      'SCORING_BANDS_INVALID',
    );
    expect(codeOf(() => validateBands([band('a', 50), band('b', 50), band('c', 0)]))).toBe(
      'SCORING_BANDS_INVALID',
    );
    expect(codeOf(() => validateBands([band('a', 120), band('c', 0)]))).toBe(
      'SCORING_BANDS_INVALID',
    );
    expect(codeOf(() => validateBands([band('a', 90), band('b', 10)]))).toBe(
      'SCORING_BANDS_INVALID',
    );
    expect(codeOf(() => validateBands([band('a', 90), band('a', 0)]))).toBe(
      'SCORING_BANDS_INVALID',
    );
    expect(codeOf(() => validateBands([{ ...band('a', 0), labelJa: ' ' }]))).toBe(
      'SCORING_BANDS_INVALID',
    );
    expect(codeOf(() => validateBands([]))).toBe('SCORING_BANDS_INVALID');
    expect(validateBands([band('only', 0)])).toHaveLength(1);
  });
});

describe('verbal scale (log10 LR bands)', () => {
  it('labels strength and direction', () => {
    expect(verbalScale(Math.log(5))).toMatchObject({
      supports: 'same-speaker',
      strength: 'limited',
    });
    expect(verbalScale(Math.log(10))).toMatchObject({
      strength: 'moderate',
      labelEn: 'moderate support for the same speaker',
    });
    expect(verbalScale(Math.log(500)).strength).toBe('moderately-strong');
    expect(verbalScale(-Math.log(2000))).toMatchObject({
      supports: 'different-speakers',
      strength: 'strong',
      labelJa: '別の話者であることを強く支持',
    });
    expect(verbalScale(Math.log(1e6)).strength).toBe('very-strong');
    expect(verbalScale(0).supports).toBe('neither');
  });
});

describe('makeVerdict', () => {
  it('gives the similarity % as 100 * sigmoid(llr)', () => {
    const v = makeVerdict({ rawCosine: Math.log(9) }, cal); // llr = ln 9 -> LR 9 -> 90 %
    expect(v.calibrated).toBe(true);
    if (!v.calibrated) return;
    expect(v.similarityPercent).toBeCloseTo(90, 10);
    expect(v.band.key).toBe('very-high');
    expect(v.verbal.strength).toBe('limited'); // log10 9 = 0.95: a 90 % is only limited support
  });

  it('shows only the raw cosine when the model is uncalibrated', () => {
    const v = makeVerdict({ rawCosine: 0.83 }, undefined);
    expect(v).toEqual({
      calibrated: false,
      rawCosine: 0.83,
      band: expect.objectContaining({ labelEn: 'uncalibrated', labelJa: '未校正' }),
    });
    expect('similarityPercent' in v).toBe(false);
  });

  it('refuses to feed a raw cosine to an AS-norm calibration', () => {
    expect(() => makeVerdict({ rawCosine: 0.5 }, { ...cal, scoreKind: 'as-norm' })).toThrow(
      /AS-norm/,
    );
    const v = makeVerdict({ rawCosine: 0.5, score: 2 }, { ...cal, scoreKind: 'as-norm' });
    expect(v.calibrated && v.llr).toBe(2);
  });

  it('exports precise definitions in both languages', () => {
    expect(SIMILARITY_DEFINITION_EN).toMatch(/1:1/);
    expect(SIMILARITY_DEFINITION_EN).toMatch(/LR \/ \(1 \+ LR\)/);
    expect(SIMILARITY_DEFINITION_JA).toMatch(/1:1/);
    expect(SIMILARITY_DEFINITION_JA).toMatch(/尤度比/);
  });
});

describe('bandErrorRates', () => {
  it('measures FAR/FRR at each band threshold', () => {
    // LLR thresholds: 90 % -> ln 9 = 2.197, 75 % -> ln 3 = 1.099, 50 % -> 0, 0 % -> -inf.
    // Targets 3, 1.5, -1; non-targets 2.5, 0.5, -2, -3.
    const r = bandErrorRates(sortTrials([3, 1.5, -1], [2.5, 0.5, -2, -3]));
    expect(r.map((x) => [x.key, x.falseMatchRate, x.missRate])).toEqual([
      ['very-high', 1 / 4, 2 / 3], // non 2.5 accepted; target 1.5 and -1 missed
      ['high', 1 / 4, 1 / 3],
      ['moderate', 2 / 4, 1 / 3],
      ['low', 1, 0],
    ]);
    expect(r[0]?.llrThreshold).toBeCloseTo(Math.log(9), 12);
  });
});
