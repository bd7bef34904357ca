import { describe, expect, it } from 'vitest';
import { formatSimilarity } from '../../../src/domain/format.js';

describe('formatSimilarity', () => {
  it('never writes certainty: 100 % and 0 % read as > 99.9 % and < 0.1 %', () => {
    expect(formatSimilarity(99.96)).toBe('> 99.9 %');
    expect(formatSimilarity(100)).toBe('> 99.9 %');
    expect(formatSimilarity(0.04)).toBe('< 0.1 %');
    expect(formatSimilarity(90)).toBe('90.0 %');
    expect(formatSimilarity(99.9)).toBe('99.9 %');
    expect(formatSimilarity(null)).toBe('—');
    expect(formatSimilarity(Number.NaN)).toBe('—');
    expect(formatSimilarity(42.25, '%')).toBe('42.3%');
  });
});
