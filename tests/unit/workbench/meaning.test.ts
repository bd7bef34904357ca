/**
 * Item 4 of the walkthrough: "97.5 %（非常に高い）… 同一話者であることを中程度に支持" read as a contradiction.
 * The meaning now says which scale each half is on: the % at even prior odds, the LR on the verbal scale.
 */
import { describe, expect, it } from 'vitest';
import { scoreMeaning } from '../../../src/workbench/meaning.js';
import { DEFAULT_BANDS } from '../../../src/scoring/verdict.js';

// LR ≈ 39 is 97.5 % at even prior odds, and "moderate support" on the verbal scale.
const reading = { rawCosine: 0.71, normalized: 3.1, llr: Math.log(39), percent: 97.5, band: 'very-high' };

describe('the meaning of a calibrated score', () => {
  it('in Japanese, names the % as a probability at even odds and the LR as evidence strength on the verbal scale', () => {
    const m = scoreMeaning(reading, DEFAULT_BANDS, 'ja');
    expect(m).toMatch(/類似度 97\.5%（判定: 非常に高い）は、同一話者かどうか五分五分と仮定したときの同一話者の確率です。/);
    expect(m).toMatch(/証拠としての強さは尤度比 LR ≈ 39 で、法科学の言語尺度では「同一話者であることを中程度に支持」にあたります。/);
  });

  it('in English, the same two scales', () => {
    const m = scoreMeaning(reading, DEFAULT_BANDS, 'en');
    expect(m).toContain('is the probability of the same speaker if both answers were equally likely beforehand');
    expect(m).toMatch(/likelihood ratio LR ≈ 39 reads on the forensic verbal scale as "moderate support for the same speaker"/);
  });
});
