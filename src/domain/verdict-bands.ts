/** Verdict bands: pure data and their validation; the ground floor so the store can keep them in settings. */
import { SeimonError } from '../core/errors.js';

export interface VerdictBand {
  readonly key: string;
  readonly minPercent: number;
  readonly labelEn: string;
  readonly labelJa: string;
  /** Design token the UI maps to a colour (never a literal colour: themes decide). */
  readonly colorToken: string;
}

/** The union's default bands, highest first. */
export const DEFAULT_BANDS: readonly VerdictBand[] = [
  {
    key: 'very-high',
    minPercent: 90,
    labelEn: 'very high',
    labelJa: '非常に高い',
    colorToken: 'verdict-very-high',
  },
  { key: 'high', minPercent: 75, labelEn: 'high', labelJa: '高い', colorToken: 'verdict-high' },
  {
    key: 'moderate',
    minPercent: 50,
    labelEn: 'moderate',
    labelJa: '中程度',
    colorToken: 'verdict-moderate',
  },
  { key: 'low', minPercent: 0, labelEn: 'low', labelJa: '低い', colorToken: 'verdict-low' },
];

export const UNCALIBRATED_LABEL = {
  key: 'uncalibrated',
  labelEn: 'uncalibrated',
  labelJa: '未校正',
  colorToken: 'verdict-uncalibrated',
} as const;

/**
 * Validates user-supplied bands: 1-10 bands, minPercent in [0, 100], strictly descending (so distinct),
 * the last at 0 so every score falls in a band, keys distinct, labels and tokens non-empty.
 * Returns the bands; throws SCORING_BANDS_INVALID naming the first problem.
 */
export function validateBands(bands: readonly VerdictBand[]): readonly VerdictBand[] {
  const fail = (message: string, index?: number): never => {
    throw new SeimonError('SCORING_BANDS_INVALID', message, index === undefined ? {} : { index });
  };
  if (bands.length < 1 || bands.length > 10) fail('Give between 1 and 10 bands');
  const keys = new Set<string>();
  bands.forEach((b, i) => {
    if (!Number.isFinite(b.minPercent) || b.minPercent < 0 || b.minPercent > 100)
      fail('minPercent must be within 0-100', i);
    const prev = bands[i - 1];
    if (prev && !(b.minPercent < prev.minPercent))
      fail('Bands must be sorted from highest to lowest, with distinct thresholds', i);
    if (keys.has(b.key)) fail(`Duplicate band key "${b.key}"`, i);
    keys.add(b.key);
    if (!b.key.trim() || !b.labelEn.trim() || !b.labelJa.trim() || !b.colorToken.trim())
      fail('Band key, labels and colour token are required', i);
  });
  if (bands[bands.length - 1]?.minPercent !== 0)
    fail('The lowest band must start at 0 %', bands.length - 1);
  return bands;
}

