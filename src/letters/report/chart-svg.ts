// The advocacy bar chart as SVG: per platform, requests sent, answered and overdue. Names are escaped.
import type { AdvocacyRow, Lang } from '../../domain/letters.js';
import { escapeHtml } from '../render/html.js';

const COLORS = { sent: '#1f3a5f', responded: '#2f855a', overdue: '#c2410c' } as const;

/** Sums the rows per platform across periods. */
export function totalsByPlatform(rows: readonly AdvocacyRow[]): { name: string; sent: number; responded: number; overdue: number }[] {
  const m = new Map<string, { name: string; sent: number; responded: number; overdue: number }>();
  for (const r of rows) {
    const t = m.get(r.platformId) ?? { name: r.platformName, sent: 0, responded: 0, overdue: 0 };
    t.sent += r.sent;
    t.responded += r.responded;
    t.overdue += r.overdue;
    m.set(r.platformId, t);
  }
  return [...m.values()];
}

/** A grouped bar chart, `width` × `height` user units. */
export function advocacyChartSvg(rows: readonly AdvocacyRow[], lang: Lang, width = 720, height = 320): string {
  const data = totalsByPlatform(rows);
  const left = 44;
  const bottom = 70;
  const top = 34;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...data.flatMap((d) => [d.sent, d.responded, d.overdue]));
  const step = Math.max(1, Math.ceil(max / 5));
  const ymax = step * Math.ceil(max / step);
  const y = (v: number) => top + plotH - (v / ymax) * plotH;
  const groupW = (width - left - 10) / Math.max(1, data.length);
  const barW = Math.min(26, (groupW - 16) / 3);
  const keys = ['sent', 'responded', 'overdue'] as const;
  const legend = lang === 'ja' ? { sent: '送付', responded: '回答', overdue: '期限超過' } : { sent: 'sent', responded: 'answered', overdue: 'overdue' };
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans JP, sans-serif">`];
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  for (let v = 0; v <= ymax; v += step) {
    out.push(`<line x1="${left}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#4b5563">${v}</text>`);
  }
  data.forEach((d, i) => {
    const x0 = left + i * groupW + (groupW - 3 * barW) / 2;
    keys.forEach((k, j) => {
      const v = d[k];
      out.push(`<rect x="${x0 + j * barW}" y="${y(v)}" width="${barW - 3}" height="${y(0) - y(v)}" fill="${COLORS[k]}"/>`);
      if (v > 0) out.push(`<text x="${x0 + j * barW + (barW - 3) / 2}" y="${y(v) - 3}" font-size="10" text-anchor="middle" fill="#111827">${v}</text>`);
    });
    const name = d.name.length > 16 ? `${d.name.slice(0, 15)}…` : d.name;
    out.push(`<text x="${left + i * groupW + groupW / 2}" y="${top + plotH + 18}" font-size="11" text-anchor="middle" fill="#111827">${escapeHtml(name)}</text>`);
  });
  out.push(`<line x1="${left}" x2="${width - 10}" y1="${y(0)}" y2="${y(0)}" stroke="#6b7280"/>`);
  keys.forEach((k, j) => {
    const x = left + j * 110;
    out.push(`<rect x="${x}" y="${height - 26}" width="12" height="12" fill="${COLORS[k]}"/>`);
    out.push(`<text x="${x + 18}" y="${height - 16}" font-size="12" fill="#111827">${legend[k]}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
