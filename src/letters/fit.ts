// Whether the chosen grounds and the letter type fit a case's facts, from the rules in the data files.
import type { CaseFacts, FitWarning, Ground, LetterRegime } from '../domain/letters.js';
import type { LegalData } from './data/load.js';
import type { FactWarning } from './data/schema.js';

const applies = (w: FactWarning, facts: CaseFacts): boolean => facts[w.fact] === w.is;

/** Warnings for the chosen grounds (and for an unknown ground id). */
export function groundWarnings(data: LegalData, facts: CaseFacts, chosen: readonly string[]): FitWarning[] {
  const out: FitWarning[] = [];
  for (const id of chosen) {
    const g = data.grounds.grounds.find((x) => x.id === id);
    if (!g) {
      out.push({ subject: id, level: 'mismatch', message: { ja: `不明な法的根拠です: ${id}`, en: `Unknown legal ground: ${id}` } });
      continue;
    }
    for (const w of g.warnings) if (applies(w, facts)) out.push({ subject: id, level: w.level, message: w.message });
  }
  if (chosen.length === 0)
    out.push({ subject: 'grounds', level: 'caution', message: { ja: '法的根拠が選ばれていません。', en: 'No legal ground is chosen.' } });
  return out;
}

/** Warnings for using a letter type on this case (e.g. a DMCA notice for a sound-alike). */
export function regimeWarnings(data: LegalData, facts: CaseFacts, regime: LetterRegime): FitWarning[] {
  return data.templates[regime].warnings.filter((w) => applies(w, facts)).map((w) => ({ subject: `regime:${regime}`, level: w.level, message: w.message }));
}

/** The grounds library as the UI shows it. */
export function groundsLibrary(data: LegalData): Ground[] {
  return data.grounds.grounds.map(({ id, name, basis, explanation, needs }) => ({ id, name, basis, explanation, needs }));
}
