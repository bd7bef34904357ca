// A screening run as CSV (RFC 4180: every field quoted, CRLF), Japanese or English headers. Every row
// names the model and its SHA-256 so a row copied out of the file still says what produced it.
import type { ScreeningRun } from '../domain/index.js';
import { WITHHELD_BAND } from '../domain/index.js';
import type { VerdictBand } from '../scoring/verdict.js';
import { UNCALIBRATED_LABEL } from '../scoring/verdict.js';

/** Header words are the screen's own column names (順位, 疑わしい音声, 出演者, 類似度, 判定, コサイン…). */
export const CSV_HEADERS = {
  en: ['Rank', 'Suspect ID', 'Suspect', 'Service / platform', 'Performer ID', 'Performer', 'Similarity (%)', 'Verdict', 'LLR', 'AS-norm', 'Cosine', 'Model ID', 'Model SHA-256', 'Screening ID'],
  ja: ['順位', '疑わしい音声ID', '疑わしい音声', 'サービス／プラットフォーム', '出演者ID', '出演者', '類似度(%)', '判定', '対数尤度比(LLR)', 'AS-norm', 'コサイン', 'モデルID', 'モデルSHA-256', 'スクリーニングID'],
} as const;

/** Quotes one field; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvField(v: string | number | null): string {
  if (v === null) return '""';
  let s = typeof v === 'number' ? String(v) : v;
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const num = (x: number | null, d: number) => (x === null ? null : Number(x.toFixed(d)));

/** The run's ranked matches as CSV text (with a BOM so spreadsheet programs read UTF-8 Japanese). */
export function screeningCsv(run: ScreeningRun, lang: 'ja' | 'en', bands: readonly VerdictBand[]): string {
  const performer = new Map(run.performers.map((p) => [p.id, p.name]));
  const suspect = new Map(run.suspects.map((s) => [s.id, s]));
  const bandLabel = (key: string) => {
    const b = key === UNCALIBRATED_LABEL.key ? UNCALIBRATED_LABEL : bands.find((x) => x.key === key);
    if (key === WITHHELD_BAND) return lang === 'ja' ? '判定保留（登録済み実演家で未検証）' : 'withheld (not validated on the enrolled performers)';
    return b ? (lang === 'ja' ? b.labelJa : b.labelEn) : key;
  };
  const rows = run.matches.map((m) => [
    m.rank,
    m.suspectId,
    suspect.get(m.suspectId)?.label ?? '',
    suspect.get(m.suspectId)?.service ?? suspect.get(m.suspectId)?.platform ?? null,
    m.performerId,
    performer.get(m.performerId) ?? '',
    num(m.percent, 2),
    bandLabel(m.band),
    num(m.llr, 4),
    num(m.normalized, 4),
    num(m.rawCosine, 6),
    run.model.id,
    run.model.sha256,
    run.id,
  ]);
  const lines = [CSV_HEADERS[lang], ...rows].map((r) => r.map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
