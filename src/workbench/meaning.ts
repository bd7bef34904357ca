import type { PopulationFigures, ScoreReading } from '../domain/index.js';
import { UNCALIBRATED_NOTE_EN, UNCALIBRATED_NOTE_JA, verbalScale } from '../scoring/verdict.js';
import type { VerdictBand } from '../scoring/verdict.js';
import type { Lang } from './caveats.js';
import { formatSimilarity } from '../domain/format.js';
import { propositionsText, withheldText } from './population-text.js';

/** What a score means, in one or two sentences a non-specialist can read. */
export function scoreMeaning(r: ScoreReading, bands: readonly VerdictBand[], lang: Lang, population?: PopulationFigures): string {
  const ja = lang === 'ja';
  if (r.band === 'withheld' && population?.withheld) {
    const raw = r.rawCosine.toFixed(3);
    const norm = r.normalized === null ? '' : ja ? `、正規化スコアは ${r.normalized.toFixed(2)}` : `, the normalised score ${r.normalized.toFixed(2)}`;
    return (ja ? `生のコサイン類似度は ${raw}${norm} です。` : `The raw cosine similarity is ${raw}${norm}. `) + withheldText(population.withheld, population, lang);
  }
  if (r.llr === null || r.percent === null) {
    const raw = r.rawCosine.toFixed(3);
    return ja ? `生のコサイン類似度は ${raw} です。${UNCALIBRATED_NOTE_JA}` : `The raw cosine similarity is ${raw}. ${UNCALIBRATED_NOTE_EN}`;
  }
  const v = verbalScale(r.llr);
  const band = bands.find((b) => b.key === r.band);
  const pct = formatSimilarity(r.percent, '');
  const lr = Math.exp(r.llr);
  const lrText = likelihoodRatioText(lr, ja ? 'ja-JP' : 'en');
  // Two scales of one number: the band reads the % (a probability at even prior odds), the verbal scale
  // reads the likelihood ratio as evidence strength. Saying which is which keeps them from seeming to clash.
  const props = population ? ` ${propositionsText(population.performers, lang)}` : '';
  if (ja) {
    return `類似度 ${pct}%（判定: ${band?.labelJa ?? r.band}）は、同一話者かどうか五分五分と仮定したときの同一話者の確率です。証拠としての強さは尤度比 LR ≈ ${lrText} で、法科学の言語尺度では「${v.labelJa}」にあたります。${props.trim()}`;
  }
  return `Similarity ${pct} % (verdict: ${band?.labelEn ?? r.band}) is the probability of the same speaker if both answers were equally likely beforehand. As evidence, the likelihood ratio LR ≈ ${lrText} reads on the forensic verbal scale as "${v.labelEn}".${props}`;
}

/** A likelihood ratio for people: two significant digits with digit grouping ("570", "12,000", "1/450"), never "5.7e+2". */
export function likelihoodRatioText(lr: number, locale: string): string {
  if (!Number.isFinite(lr) || lr <= 0) return '—';
  const two = (x: number) => Number(x.toPrecision(2)).toLocaleString(locale, { maximumFractionDigits: 2 });
  return lr < 0.01 ? `1/${two(1 / lr)}` : two(lr);
}
