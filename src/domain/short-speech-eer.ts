// Error rates by speech length that Seimon measured for the models it ships (issue 19), so a short clip's
// caveat can say how reliable a score of that length was. Figures: models/starter/MODEL_CARD.md,
// "Short speech"; produced by scripts/eval/short-speech.ts on the TEST half of the held-out speakers.
import type { SpeechDurationEer } from './short-speech.js';

export interface ShortSpeechMeasurement {
  modelId: string;
  /** Who and what it was measured on, as a phrase ("On ..."). */
  basisEn: string;
  basisJa: string;
  rows: SpeechDurationEer[];
}

const HELD_OUT_EN = 'held-out English speakers (LibriSpeech cuts and Speech Commands words, clean and MP3/Opus copies, through this front-end)';
const HELD_OUT_JA = '学習に使っていない英語話者（LibriSpeech の切り出しと Speech Commands の単語、無加工と MP3/Opus 版、本アプリの前処理）での測定';

const BY_SHA256: Record<string, ShortSpeechMeasurement> = {
  // seimon-starter-v2
  '0052849d3ca74e234a30ac36fc51945c28d8916af41f61f263da8ae838148288': {
    modelId: 'seimon-starter-v2',
    basisEn: HELD_OUT_EN,
    basisJa: HELD_OUT_JA,
    rows: [
      { seconds: 0.5, upTo: 1, eerPercent: 10.7 },
      { seconds: 1, upTo: 1.5, eerPercent: 5.9 },
      { seconds: 1.5, upTo: 2, eerPercent: 2.8 },
      { seconds: 2, upTo: 3, eerPercent: 2.6 },
      { seconds: 3, upTo: 5, eerPercent: 2.2 },
    ],
  },
};

/** Seimon's own measurement of a model on short speech, when it has one. */
export function measuredShortSpeech(modelSha256: string): ShortSpeechMeasurement | undefined {
  return BY_SHA256[modelSha256];
}
