// What a person reads: the similarity %, its band, and the LLR on a verbal scale. The definitions
// below are written into every report, so their wording is part of the product.
import { llrToProbability } from './calibration.js';
import type { Calibration } from './calibration.js';
import { scoringError } from './errors.js';

/** Definition of "similarity %" for reports (English). */
export const SIMILARITY_DEFINITION_EN =
  'Similarity % is the probability, computed by the calibrated model, that the two recordings come from the same ' +
  'speaker, assuming before any comparison that "same speaker" and "different speakers" are equally likely (prior ' +
  'odds 1:1). It equals 100 × LR / (1 + LR), where LR is the calibrated likelihood ratio. It is not a percentage of ' +
  'shared voice characteristics, and it depends on the model and on the calibration trials recorded in this report.';

/** Definition of "similarity %" for reports (Japanese). 類似度 = similarity, 尤度比 = likelihood ratio. */
export const SIMILARITY_DEFINITION_JA =
  '類似度（%）とは、校正済みモデルが算出した「二つの録音が同一話者のものである確率」です。比較の前に「同一話者」と' +
  '「別の話者」を同程度にあり得るもの（事前オッズ 1:1）と仮定しています。校正済みの尤度比を LR とすると 100 × LR / (1 + LR) に' +
  '等しくなります。声の特徴が何パーセント共通しているかを示すものではなく、使用したモデルと、本報告書に記載した校正用試行に依存します。';

/** Why an uncalibrated model shows no %, for reports. */
export const UNCALIBRATED_NOTE_EN =
  'This model is not calibrated: only the raw cosine similarity is shown. A raw cosine is not a probability and is not ' +
  'comparable between models.';
export const UNCALIBRATED_NOTE_JA =
  'このモデルは未校正のため、生のコサイン類似度のみを表示しています。生のコサイン値は確率ではなく、モデル間で比較できません。';

/** One verdict band: scores with similarity % >= minPercent (and below the next band up). */
export type { VerdictBand } from '../domain/verdict-bands.js';
export { DEFAULT_BANDS, UNCALIBRATED_LABEL, validateBands } from '../domain/verdict-bands.js';
import type { VerdictBand } from '../domain/verdict-bands.js';
import { DEFAULT_BANDS, UNCALIBRATED_LABEL } from '../domain/verdict-bands.js';

/** Rounding slack at band edges: LR 9 must read as 90 %, although 100 * 9 / 10 computes to 89.99999999999999. */
const EDGE_EPSILON = 1e-9;

/** The band a similarity % falls in (bands assumed valid). */
export function bandFor(
  percent: number,
  bands: readonly VerdictBand[] = DEFAULT_BANDS,
): VerdictBand {
  for (const b of bands) if (percent >= b.minPercent - EDGE_EPSILON) return b;
  return bands[bands.length - 1] as VerdictBand;
}

/** The LLR threshold (natural log) a band's minPercent corresponds to at even prior. */
export function bandLlrThreshold(band: VerdictBand): number {
  const p = band.minPercent / 100;
  return Math.log(p / (1 - p)); // 0 % -> -Infinity, 100 % -> +Infinity
}

export type VerbalStrength =
  'limited' | 'moderate' | 'moderately-strong' | 'strong' | 'very-strong';

export interface VerbalScale {
  readonly log10Lr: number;
  /** Which proposition the evidence supports; 'neither' only when LR = 1 exactly. */
  readonly supports: 'same-speaker' | 'different-speakers' | 'neither';
  readonly strength: VerbalStrength;
  readonly labelEn: string;
  readonly labelJa: string;
}

// ENFSI guideline (2015) style bands on |log10 LR|, symmetric for the two propositions; the
// guideline's top bands (>= 4) are merged into "very strong" as the issue asks.
const STRENGTHS: readonly { min: number; strength: VerbalStrength; en: string; ja: string }[] = [
  { min: 4, strength: 'very-strong', en: 'very strong support', ja: '非常に強く支持' },
  { min: 3, strength: 'strong', en: 'strong support', ja: '強く支持' },
  { min: 2, strength: 'moderately-strong', en: 'moderately strong support', ja: 'やや強く支持' },
  { min: 1, strength: 'moderate', en: 'moderate support', ja: '中程度に支持' },
  { min: 0, strength: 'limited', en: 'limited support', ja: '限定的に支持' },
];

/** Verbal expression of an LLR (natural log), e.g. "moderate support for the same speaker". */
export function verbalScale(llr: number): VerbalScale {
  const log10Lr = llr / Math.LN10;
  const mag = Math.abs(log10Lr);
  const s =
    STRENGTHS.find((x) => mag >= x.min) ??
    (STRENGTHS[STRENGTHS.length - 1] as (typeof STRENGTHS)[number]);
  if (log10Lr === 0) {
    return {
      log10Lr,
      supports: 'neither',
      strength: 'limited',
      labelEn: 'supports neither proposition (LR = 1)',
      labelJa: 'どちらの仮説も支持しない（LR = 1）',
    };
  }
  const same = log10Lr > 0;
  return {
    log10Lr,
    supports: same ? 'same-speaker' : 'different-speakers',
    strength: s.strength,
    labelEn: `${s.en} for ${same ? 'the same speaker' : 'different speakers'}`,
    labelJa: `${same ? '同一話者であること' : '別の話者であること'}を${s.ja}`,
  };
}

export type Verdict =
  | {
      readonly calibrated: true;
      readonly rawCosine: number;
      readonly score: number;
      readonly llr: number;
      readonly similarityPercent: number;
      readonly band: VerdictBand;
      readonly verbal: VerbalScale;
    }
  | {
      readonly calibrated: false;
      readonly rawCosine: number;
      readonly band: typeof UNCALIBRATED_LABEL;
    };

/**
 * The verdict for one comparison. `score` is what the calibration was fitted on (raw cosine or AS-norm).
 * Without a calibration there is no honest %: the verdict says 'uncalibrated' and carries the raw cosine only.
 */
export function makeVerdict(
  input: { rawCosine: number; score?: number },
  calibration: Calibration | undefined,
  bands: readonly VerdictBand[] = DEFAULT_BANDS,
): Verdict {
  if (!calibration)
    return { calibrated: false, rawCosine: input.rawCosine, band: UNCALIBRATED_LABEL };
  const score = input.score ?? input.rawCosine;
  if (calibration.scoreKind === 'as-norm' && input.score === undefined) {
    throw scoringError(
      'SCORING_BAD_CALIBRATION',
      'This calibration needs the AS-norm score, not the raw cosine',
    );
  }
  const llr = calibration.a * score + calibration.b;
  const similarityPercent = 100 * llrToProbability(llr, 0.5);
  return {
    calibrated: true,
    rawCosine: input.rawCosine,
    score,
    llr,
    similarityPercent,
    band: bandFor(similarityPercent, bands),
    verbal: verbalScale(llr),
  };
}
