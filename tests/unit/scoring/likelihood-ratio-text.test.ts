import { describe, expect, it } from 'vitest';
import { likelihoodRatioText } from '../../../src/workbench/meaning.js';

describe('likelihood ratios as people read them', () => {
  it('two significant digits with digit grouping, small ones as 1/x, never exponent notation', () => {
    expect(likelihoodRatioText(572.4, 'en')).toBe('570');
    expect(likelihoodRatioText(12_345, 'en')).toBe('12,000');
    expect(likelihoodRatioText(3.14159, 'ja-JP')).toBe('3.1');
    expect(likelihoodRatioText(0.5, 'en')).toBe('0.5');
    expect(likelihoodRatioText(1 / 450, 'en')).toBe('1/450');
    expect(likelihoodRatioText(Number.POSITIVE_INFINITY, 'en')).toBe('—');
    for (const x of [1e-9, 1e-3, 0.02, 1, 99, 1e3, 1e7]) expect(likelihoodRatioText(x, 'en')).not.toMatch(/e[+-]/);
  });
});
