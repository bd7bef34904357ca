// The one place a letter cites a similarity score: each performer × suspect pair with its value, band
// and model, the definition of the %, and the statement that a score supports, never proves.
import { WITHHELD_BAND } from '../domain/index.js';
import type { Lang } from '../domain/letters.js';
import { scoreStatement } from '../workbench/population-statement.js';
import { formatSimilarity } from '../domain/format.js';
import { SIMILARITY_DEFINITION_EN, SIMILARITY_DEFINITION_JA, UNCALIBRATED_NOTE_EN, UNCALIBRATED_NOTE_JA } from '../scoring/verdict.js';
import type { LegalData } from './data/load.js';
import type { LetterSource } from './source.js';

/** The similarity paragraph of a letter's evidence field. */
export function citeSimilarity(src: LetterSource, data: LegalData, lang: Lang): string {
  const statement = data.grounds.scoreStatement[lang];
  if (src.scores.length === 0) return `${lang === 'ja' ? '類似度スコアの記録はありません。' : 'No similarity score is recorded.'}\n${statement}`;
  const nameOf = (id: string, all: { id: string; name?: string; label?: string }[]) => {
    const x = all.find((a) => a.id === id);
    return x?.name ?? x?.label ?? id;
  };
  const lines = src.scores.map((s) => {
    const band = src.bands.find((b) => b.key === s.band);
    const bandLabel = band
      ? lang === 'ja'
        ? band.labelJa
        : band.labelEn
      : s.band === WITHHELD_BAND
        ? lang === 'ja'
          ? '判定保留：登録済み実演家で未検証'
          : 'band withheld: not validated on the enrolled performers'
        : s.band;
    const pair = `${nameOf(s.performerId, src.performers)} × ${nameOf(s.suspectId, src.suspects)}`;
    const value = s.percent === null ? `cos ${s.rawCosine.toFixed(3)}` : formatSimilarity(s.percent, '%');
    const model = `${s.modelId}${s.modelSha256 ? ` (SHA-256 ${s.modelSha256.slice(0, 16)}…)` : ''}`;
    return lang === 'ja' ? `・${pair}: 類似度 ${value}（${bandLabel}）、モデル ${model}` : `• ${pair}: similarity ${value} (${bandLabel}), model ${model}`;
  });
  const uncalibrated = src.scores.some((s) => s.percent === null && s.band !== WITHHELD_BAND);
  // What the population check measured, or why a band is withheld (the same sentences as the report).
  const population = [...new Set(src.scores.flatMap((s) => scoreStatement(s.population, s.band, lang)))];
  const definition = lang === 'ja' ? SIMILARITY_DEFINITION_JA : SIMILARITY_DEFINITION_EN;
  const note = uncalibrated ? `\n${lang === 'ja' ? UNCALIBRATED_NOTE_JA : UNCALIBRATED_NOTE_EN}` : '';
  const head = lang === 'ja' ? '声紋照合による類似度:' : 'Voice similarity:';
  return `${head}\n${lines.join('\n')}\n${population.join('\n')}\n${definition}${note}\n${statement}`;
}
