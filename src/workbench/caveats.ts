// Plain-language warnings shown with a comparison: what could make its score misleading.
import type { Recording } from '../domain/index.js';
import type { SpeechEerTable } from '../domain/short-speech.js';
import { SHORT_SPEECH_SECONDS, eerAtSpeech } from '../domain/short-speech.js';
import { UNCALIBRATED_NOTE_EN, UNCALIBRATED_NOTE_JA } from '../scoring/verdict.js';
import type { WeakReason } from './quality.js';
import { MIN_FULL_BAND_RATE, MIN_REFERENCE_SNR_DB } from './quality.js';

export type Lang = 'ja' | 'en';

const REASONS: Record<WeakReason, { ja: string; en: string }> = {
  'no-speech': { ja: '音声（発話）が検出されない', en: 'no speech found' },
  'little-speech': { ja: '発話が 10 秒未満', en: 'less than 10 s of speech' },
  noisy: { ja: '雑音が多い（SN 比 15 dB 未満）', en: 'noisy (SNR below 15 dB)' },
  clipping: { ja: '音割れ（クリッピング）が 1% を超える', en: 'more than 1 % of samples clipped' },
  'music-or-noise': { ja: '音楽または持続的な雑音の疑い', en: 'music or steady noise suspected' },
  'telephone-band': { ja: '電話帯域（サンプリング周波数 16 kHz 未満）', en: 'telephone band (sample rate below 16 kHz)' },
};

/** A weak-reference reason in words. */
export function weakReasonText(reason: string, lang: Lang): string {
  return REASONS[reason as WeakReason]?.[lang] ?? reason;
}

export interface CaveatFacts {
  calibrated: boolean;
  cohort: boolean;
  references: readonly Recording[];
  voiceprintSpeechSeconds: number;
  clips: readonly Recording[];
  clipSpeechSeconds: number;
  /** The model's measured error rates by speech length (its manifest's `eerBySpeech`), where it has them. */
  speechEer?: SpeechEerTable | null;
}

const fmt = (x: number) => x.toFixed(1);

/** The caveats of one comparison, in the requested language. */
export function comparisonCaveats(f: CaveatFacts, lang: Lang): string[] {
  const ja = lang === 'ja';
  const out: string[] = [];
  if (!f.calibrated) out.push(ja ? UNCALIBRATED_NOTE_JA : UNCALIBRATED_NOTE_EN);
  for (const r of f.references) {
    if (!r.weakReasons) continue;
    const why = r.weakReasons.map((x) => weakReasonText(x, lang)).join(ja ? '、' : ', ');
    out.push(ja ? `参照音声「${r.originalName}」は弱い参照です（${why}）。` : `Reference "${r.originalName}" is weak (${why}).`);
  }
  if (f.voiceprintSpeechSeconds < 30)
    out.push(ja ? `声紋は ${fmt(f.voiceprintSpeechSeconds)} 秒の発話のみから作られています（30 秒以上を推奨）。` : `The voiceprint rests on only ${fmt(f.voiceprintSpeechSeconds)} s of speech (30 s or more is advised).`);
  if (f.clipSpeechSeconds < SHORT_SPEECH_SECONDS) out.push(shortSpeechCaveat(f.clipSpeechSeconds, f.speechEer, lang));
  for (const c of f.clips) {
    const q = c.quality;
    const issues: string[] = [];
    if (q.musicOrNoiseSuspected) issues.push(weakReasonText('music-or-noise', lang));
    if (c.sampleRate < MIN_FULL_BAND_RATE) issues.push(weakReasonText('telephone-band', lang));
    if (q.snrDb !== null && q.snrDb < MIN_REFERENCE_SNR_DB) issues.push(weakReasonText('noisy', lang));
    if (q.clippingRatio > 0.01) issues.push(weakReasonText('clipping', lang));
    if (issues.length)
      out.push(ja ? `疑わしい音声のクリップ「${c.originalName}」: ${issues.join('、')}。スコアが下がる場合があります。` : `Suspect clip "${c.originalName}": ${issues.join(', ')}; scores may be lowered.`);
  }
  if (!f.cohort)
    out.push(ja ? 'コホート正規化（AS-norm）は適用されていません（比較対象の話者が不足）。' : 'No cohort normalisation (AS-norm) was applied: too few other speakers to compare against.');
  return out;
}

/** The short-speech caveat: how much speech, and the error rate measured at that length where known. */
export function shortSpeechCaveat(speechSeconds: number, table: SpeechEerTable | null | undefined, lang: Lang): string {
  const ja = lang === 'ja';
  const m = table ?? undefined;
  const at = m ? eerAtSpeech(m.rows, speechSeconds) : null;
  const base = ja
    ? `疑わしい音声の発話は ${fmt(speechSeconds)} 秒しかなく、スコアは不安定です。`
    : `The suspect clips hold only ${fmt(speechSeconds)} s of speech; the score is unstable.`;
  if (!m || !at) return base + (ja ? 'このモデルの短い発話での誤り率は測定されていません。' : ' This model has no measured error rate for short speech.');
  return (
    base +
    (ja
      ? `${m.basis.ja}では、発話 ${at.seconds} 秒以上 ${at.upTo} 秒未満の等価誤り率（EER）は ${at.eerPercent.toFixed(1)} % でした。`
      : ` On ${m.basis.en}, speech of ${at.seconds} to ${at.upTo} s had an equal error rate (EER) of ${at.eerPercent.toFixed(1)} %.`)
  );
}
