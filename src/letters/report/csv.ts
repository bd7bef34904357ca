// The advocacy report as CSV (UTF-8 with BOM so spreadsheet apps read the Japanese names).
import type { AdvocacyReport, Lang } from '../../domain/letters.js';

const cell = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas in names users typed.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

/** One row per platform and period; outcome columns are the union of outcomes seen. */
export function advocacyCsv(r: AdvocacyReport, lang: Lang): string {
  const outcomes = [...new Set(r.rows.flatMap((x) => Object.keys(x.outcomes)))].sort();
  const head =
    lang === 'ja'
      ? ['期間', 'プラットフォームID', 'プラットフォーム', '送付数', '回答数', '回答までの中央値（時間）', '期限超過', ...outcomes.map((o) => `結果:${o}`)]
      : ['period', 'platform_id', 'platform', 'sent', 'responded', 'median_response_hours', 'overdue', ...outcomes.map((o) => `outcome:${o}`)];
  const rows = r.rows.map((x) => [
    x.period,
    x.platformId,
    x.platformName,
    x.sent,
    x.responded,
    x.medianResponseHours === null ? null : Math.round(x.medianResponseHours * 10) / 10,
    x.overdue,
    ...outcomes.map((o) => x.outcomes[o] ?? 0),
  ]);
  return '\uFEFF' + [head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
