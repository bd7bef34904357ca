import type { VerdictBandSetting } from '../domain/index.js';
import { DEFAULT_BANDS, validateBands } from '../domain/verdict-bands.js';
import type { VerdictBand } from '../domain/verdict-bands.js';
import type { Db } from './database.js';

const BANDS_KEY = 'verdict.bands';

/** Settings bands carry no colour: the UI colours a band by its key. */
const toBand = (b: VerdictBandSetting): VerdictBand => ({ ...b, colorToken: `verdict-${b.key}` });

/** The verdict bands in force (the union's defaults until someone changes them). */
export function getBands(db: Db): readonly VerdictBand[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(BANDS_KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_BANDS;
  try {
    return validateBands((JSON.parse(row.value) as VerdictBandSetting[]).map(toBand));
  } catch {
    return DEFAULT_BANDS; // a damaged setting must not stop screening; the defaults are safe
  }
}

/** Validates and stores new bands (SCORING_BANDS_INVALID names the first problem). */
export function saveBands(db: Db, bands: readonly VerdictBandSetting[]): readonly VerdictBand[] {
  const valid = validateBands(bands.map(toBand));
  const plain = valid.map(({ key, minPercent, labelJa, labelEn }) => ({ key, minPercent, labelJa, labelEn }));
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(BANDS_KEY, JSON.stringify(plain));
  return valid;
}
