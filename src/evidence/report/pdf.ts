// report.pdf with pdfkit: A4, Noto Sans JP embedded as a subset (only the glyphs used), plots as PNG,
// a footer with the page number and key fingerprint on every page.
import { openPdfDocument } from './pdf-document.js';
import { pdfKeyKeywords } from '../report-key.js';
import type { Block, ReportDoc } from './blocks.js';
import { strings } from './strings.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const INK = '#1d2430';
const ACCENT = '#1f4e79';
const MUTED = '#5b6472';
const RULE = '#d5d9e0';

const isHash = (s: string) => /^[0-9a-f]{64}$/.test(s);

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

/** Starts a new page when fewer than `need` points are left. */
function ensure(doc: Doc, need: number): void {
  if (doc.y + need > bottom(doc)) doc.addPage();
}

/** Height the start of a block needs, so a heading is never left alone at the bottom of a page. */
function leadHeight(doc: Doc, b: Block | undefined): number {
  if (!b) return 0;
  if (b.kind === 'figure') return figureSize(doc, b).h + 40;
  if (b.kind === 'kv') {
    const h = kvHeight(doc, b.rows);
    return h < KEEP_TOGETHER ? h : 60;
  }
  if (b.kind === 'para') return doc.font('regular').fontSize(b.small ? 8 : 9.5).heightOfString(b.text, { width: contentWidth(doc), lineGap: 2 }) + 8;
  if (b.kind === 'subheading' || b.kind === 'heading') return 30 + 60;
  return 60;
}

/** What must follow a heading on its page: the next block, and the one after when the next is a short note. */
function followHeight(doc: Doc, next: readonly (Block | undefined)[]): number {
  const [a, b] = next;
  const first = leadHeight(doc, a);
  return a?.kind === 'para' && first < 60 ? first + Math.min(leadHeight(doc, b), KEEP_TOGETHER) : first;
}

function heading(doc: Doc, text: string, next: readonly (Block | undefined)[]): void {
  ensure(doc, 40 + followHeight(doc, next));
  doc.moveDown(0.8).font('bold').fontSize(14).fillColor(ACCENT).text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  const y = doc.y + 2;
  doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + contentWidth(doc), y).lineWidth(1.2).strokeColor(ACCENT).stroke();
  doc.y = y + 8;
  doc.fillColor(INK);
}

function subheading(doc: Doc, text: string, next: readonly (Block | undefined)[]): void {
  ensure(doc, 24 + followHeight(doc, next));
  doc.moveDown(0.5).font('bold').fontSize(11).fillColor(INK).text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function para(doc: Doc, text: string, small = false): void {
  doc.font('regular').fontSize(small ? 8 : 9.5).fillColor(small ? MUTED : INK);
  ensure(doc, doc.heightOfString(text, { width: contentWidth(doc), lineGap: 2 }) + 4);
  doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.moveDown(0.5).fillColor(INK);
}

function callout(doc: Doc, text: string): void {
  doc.font('bold').fontSize(11);
  const w = contentWidth(doc) - 20;
  const h = doc.heightOfString(text, { width: w }) + 14;
  ensure(doc, h + 8);
  const y = doc.y;
  doc.rect(MARGIN.left, y, contentWidth(doc), h).fill('#fdf2f0');
  doc.rect(MARGIN.left, y, 4, h).fill('#c0392b');
  doc.fillColor('#8e2a1f').text(text, MARGIN.left + 14, y + 7, { width: w });
  doc.y = y + h + 8;
  doc.fillColor(INK);
}

/** One table row: cells wrapped in their columns; the row moves to a new page whole. */
function row(doc: Doc, cells: string[], widths: number[], o: { size: number; bold?: boolean; fill?: string; firstFill?: string }): void {
  const pad = 4;
  const fontFor = (c: string) => (isHash(c) ? Math.min(o.size, 6.6) : o.size);
  doc.font(o.bold ? 'bold' : 'regular');
  const heights = cells.map((c, i) => doc.fontSize(fontFor(c)).heightOfString(c || ' ', { width: (widths[i] ?? 0) - 2 * pad }));
  const h = Math.max(...heights) + 2 * pad;
  ensure(doc, h);
  const y = doc.y;
  let x = MARGIN.left;
  cells.forEach((c, i) => {
    const w = widths[i] ?? 0;
    const fill = i === 0 && o.firstFill ? o.firstFill : o.fill;
    if (fill) doc.rect(x, y, w, h).fill(fill);
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.fillColor(INK).font(o.bold ? 'bold' : 'regular').fontSize(fontFor(c)).text(c, x + pad, y + pad, { width: w - 2 * pad });
    x += w;
  });
  doc.y = y + h;
}

function table(doc: Doc, b: Extract<Block, { kind: 'table' }>): void {
  const cw = contentWidth(doc);
  const widths = b.widths.map((f) => f * cw);
  const size = b.small ? 7.5 : 9;
  ensure(doc, 40);
  row(doc, b.head, widths, { size, bold: true, fill: '#eef2f7' });
  for (const r of b.rows) row(doc, r, widths, { size });
  doc.moveDown(0.6);
}

/** Height of a key/value table; tables shorter than KEEP_TOGETHER stay on one page. */
const KEEP_TOGETHER = 320;
function kvHeight(doc: Doc, rows: [string, string][]): number {
  const cw = contentWidth(doc);
  doc.font('regular').fontSize(9);
  return rows.reduce((h, [k, v]) => h + Math.max(doc.heightOfString(k || ' ', { width: cw * 0.3 - 8 }), doc.heightOfString(v || ' ', { width: cw * 0.7 - 8 })) + 8, 0);
}

function kv(doc: Doc, rows: [string, string][]): void {
  const cw = contentWidth(doc);
  // A short key/value table stays on one page (a lone last row on the next page reads as a stray).
  const total = kvHeight(doc, rows);
  if (total < KEEP_TOGETHER) ensure(doc, total);
  for (const [k, v] of rows) row(doc, [k, v], [cw * 0.3, cw * 0.7], { size: 9, firstFill: '#f7f9fb' });
  doc.moveDown(0.6);
}

function list(doc: Doc, items: string[]): void {
  doc.font('regular').fontSize(9.5);
  for (const i of items) {
    ensure(doc, doc.heightOfString(i, { width: contentWidth(doc) - 14 }) + 4);
    const y = doc.y;
    doc.fillColor(ACCENT).text('•', MARGIN.left, y).fillColor(INK).text(i, MARGIN.left + 14, y, { width: contentWidth(doc) - 14, lineGap: 2 });
    doc.moveDown(0.2);
  }
  doc.moveDown(0.4);
}

/** A figure's size on the page: full width, but never taller than 60 % of the page's writing area. */
function figureSize(doc: Doc, b: Extract<Block, { kind: 'figure' }>): { w: number; h: number } {
  const cw = contentWidth(doc);
  const maxH = (doc.page.height - MARGIN.top - MARGIN.bottom) * 0.6;
  const w = Math.min(cw, b.maxWidthPt ?? cw, (maxH * b.width) / b.height);
  return { w, h: (w * b.height) / b.width };
}

function figure(doc: Doc, b: Extract<Block, { kind: 'figure' }>): void {
  const cw = contentWidth(doc);
  const { w, h } = figureSize(doc, b);
  doc.font('regular').fontSize(8);
  const captionH = doc.heightOfString(b.caption, { width: cw });
  ensure(doc, h + captionH + 12);
  const y = doc.y;
  doc.image(b.png, MARGIN.left, y, { width: w, height: h });
  doc.rect(MARGIN.left, y, w, h).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.fillColor(MUTED).text(b.caption, MARGIN.left, y + h + 4, { width: cw });
  doc.fillColor(INK).moveDown(0.8);
}

function render(doc: Doc, b: Block, next: readonly (Block | undefined)[]): void {
  if (b.kind === 'heading') heading(doc, b.text, next);
  else if (b.kind === 'subheading') subheading(doc, b.text, next);
  else if (b.kind === 'para') para(doc, b.text, b.small);
  else if (b.kind === 'callout') callout(doc, b.text);
  else if (b.kind === 'kv') kv(doc, b.rows);
  else if (b.kind === 'table') table(doc, b);
  else if (b.kind === 'list') list(doc, b.items);
  else figure(doc, b);
}

function footers(doc: Doc, r: ReportDoc): void {
  const range = doc.bufferedPageRange();
  const t = strings(r.lang);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    const y = doc.page.height - 40;
    doc.moveTo(MARGIN.left, y - 6).lineTo(doc.page.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('regular').fontSize(7).fillColor(MUTED);
    doc.text(r.footer, MARGIN.left, y, { width: contentWidth(doc) - 70, lineBreak: false });
    doc.text(t.page(i + 1, range.count), doc.page.width - MARGIN.right - 70, y, { width: 70, align: 'right', lineBreak: false });
  }
}

/** Renders the report to PDF bytes. */
export function renderPdf(r: ReportDoc, createdAt: Date): Promise<Buffer> {
  const { doc, bytes: done } = openPdfDocument({ size: 'A4', margins: MARGIN, bufferPages: true, info: { Title: r.title, Subject: r.subtitle, Keywords: pdfKeyKeywords(r.fingerprint), Creator: 'Seimon', Producer: 'Seimon (pdfkit)', CreationDate: createdAt } });
  doc.font('bold').fontSize(20).fillColor(INK).text(r.title, MARGIN.left, MARGIN.top, { width: contentWidth(doc) });
  doc.font('regular').fontSize(10).fillColor(MUTED).text(r.subtitle, { width: contentWidth(doc) });
  doc.moveDown(0.8).fillColor(INK);
  r.blocks.forEach((b, i) => render(doc, b, [r.blocks[i + 1], r.blocks[i + 2]]));
  footers(doc, r);
  doc.end();
  return done;
}
