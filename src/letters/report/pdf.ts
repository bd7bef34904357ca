// The advocacy report as PDF: title, period, the bar chart, then the table per platform and period.
import type { AdvocacyReport, Lang } from '../../domain/letters.js';
import { contentWidth, footers, MARGIN, newPdf } from '../render/pdf-setup.js';
import type { Doc } from '../render/pdf-setup.js';
import { advocacyChartSvg } from './chart-svg.js';
import { chartPng } from './chart-png.js';

const T = {
  ja: { title: '削除要請の対応状況報告', period: '対象期間', all: '全期間', chart: 'プラットフォーム別 送付・回答・期限超過の件数', none: 'この期間に送付された要請はありません。', noChart: '（グラフを描画できませんでした）', head: ['期間', 'プラットフォーム', '送付', '回答', '中央値(時間)', '期限超過', '結果'] },
  en: { title: 'Takedown requests: platform response report', period: 'Period', all: 'all time', chart: 'Requests sent, answered and overdue, per platform', none: 'No requests were sent in this period.', noChart: '(the chart could not be drawn)', head: ['Period', 'Platform', 'Sent', 'Answered', 'Median (h)', 'Overdue', 'Outcomes'] },
} as const;

const WIDTHS = [0.1, 0.26, 0.08, 0.09, 0.12, 0.1, 0.25];

function row(doc: Doc, cells: string[], bold: boolean): void {
  const cw = contentWidth(doc);
  doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
  const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: WIDTHS[i]! * cw - 8 }))) + 8;
  if (doc.y + h > doc.page.height - MARGIN.bottom) doc.addPage();
  const y = doc.y;
  let x = MARGIN.left;
  cells.forEach((c, i) => {
    const w = WIDTHS[i]! * cw;
    if (bold) doc.rect(x, y, w, h).fill('#eef1f5');
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#c9ced6').stroke();
    doc.fillColor('#111827').font(bold ? 'bold' : 'regular').fontSize(8.5).text(c, x + 4, y + 4, { width: w - 8 });
    x += w;
  });
  doc.y = y + h;
}

/** Renders the report to PDF bytes. */
export async function advocacyPdf(r: AdvocacyReport, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const { doc, bytes } = newPdf({ title: t.title, createdAt: new Date(r.generatedAt) });
  const cw = contentWidth(doc);
  doc.font('bold').fontSize(18).fillColor('#111827').text(t.title, MARGIN.left, MARGIN.top, { width: cw });
  const span = r.from || r.to ? `${r.from ?? '…'} – ${r.to ?? '…'}` : t.all;
  doc.font('regular').fontSize(10).fillColor('#4b5563').text(`${t.period}: ${span} · ${r.period} · ${r.generatedAt}`, { width: cw });
  doc.moveDown(1);
  if (r.rows.length === 0) doc.fillColor('#111827').text(t.none);
  else {
    doc.font('bold').fontSize(11).fillColor('#111827').text(t.chart, { width: cw });
    doc.moveDown(0.4);
    const png = await chartPng(advocacyChartSvg(r.rows, lang));
    if (png) {
      const h = (cw * 320) / 720;
      doc.image(png, MARGIN.left, doc.y, { width: cw, height: h });
      doc.y += h + 12;
    } else doc.font('regular').fontSize(9).text(t.noChart);
    row(doc, [...t.head], true);
    for (const x of r.rows) {
      const outcomes = Object.entries(x.outcomes).map(([k, v]) => `${k} ${v}`).join(', ');
      const med = x.medianResponseHours === null ? '–' : x.medianResponseHours.toFixed(1);
      row(doc, [x.period, x.platformName, String(x.sent), String(x.responded), med, String(x.overdue), outcomes], false);
    }
  }
  footers(doc, 'Seimon', (n, of) => `${n} / ${of}`);
  doc.end();
  return bytes;
}
