// A letter as a PDF: A4, Japanese font embedded, laid out like a formal request — date and addressee,
// centred title, opening, the form fields as labelled sections, closing, signature. All user text is
// drawn as text (pdfkit never interprets markup).
import type { LetterDetail, LetterField } from '../../domain/letters.js';
import { contentWidth, footers, MARGIN, newPdf } from './pdf-setup.js';
import type { Doc } from './pdf-setup.js';

const INK = '#111827';
const MUTED = '#4b5563';
const BAND = '#eef1f5';
const VERBATIM = '#9a3412';

function ensure(doc: Doc, need: number): void {
  if (doc.y + need > doc.page.height - MARGIN.bottom) doc.addPage();
}

function para(doc: Doc, text: string, o: { size?: number; align?: 'left' | 'right' | 'center'; color?: string; bold?: boolean } = {}): void {
  if (!text) return;
  doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 10.5).fillColor(o.color ?? INK);
  doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc), align: o.align ?? 'left', lineGap: 3 });
}

function field(doc: Doc, f: LetterField, lang: LetterDetail['lang']): void {
  const w = contentWidth(doc);
  const tag = f.verbatimToPoster ? (lang === 'ja' ? '※ 発信者にそのまま通知されます' : '* passed to the poster as written') : '';
  // A long label wraps inside a taller band instead of running into the text below.
  const labelWidth = tag ? w - 200 : w - 20;
  doc.font('bold').fontSize(10);
  const band = Math.max(20, doc.heightOfString(f.label, { width: labelWidth }) + 9);
  ensure(doc, band + 40);
  const y = doc.y;
  doc.rect(MARGIN.left, y, w, band).fill(BAND);
  doc.rect(MARGIN.left, y, 3, band).fill(f.verbatimToPoster ? VERBATIM : '#1f3a5f');
  doc.font('bold').fontSize(10).fillColor(INK).text(f.label, MARGIN.left + 10, y + 5, { width: labelWidth });
  if (tag) doc.font('regular').fontSize(7.5).fillColor(VERBATIM).text(tag, MARGIN.left + w - 190, y + 6.5, { width: 182, align: 'right', lineBreak: false });
  doc.y = y + band + 6;
  doc.font('regular').fontSize(9.5).fillColor(INK);
  doc.text(f.value || ' ', MARGIN.left + 10, doc.y, { width: w - 20, lineGap: 2.5 });
  doc.moveDown(0.9);
}

function signature(doc: Doc, l: LetterDetail): void {
  ensure(doc, 70);
  doc.moveDown(1.2);
  const w = contentWidth(doc);
  const x = MARGIN.left + w * 0.45;
  doc.font('regular').fontSize(10).fillColor(INK).text(l.signature, x, doc.y, { width: w * 0.55 });
  const y = doc.y + 18;
  doc.moveTo(x, y).lineTo(MARGIN.left + w, y).lineWidth(0.6).strokeColor('#9ca3af').stroke();
  doc.y = y + 6;
}

/** Renders the letter to PDF bytes. */
export function renderLetterPdf(l: LetterDetail, createdAt: Date): Promise<Buffer> {
  const { doc, bytes } = newPdf({ title: l.title, subject: l.subtitle, createdAt });
  const ja = l.lang === 'ja';
  doc.y = MARGIN.top;
  para(doc, l.date, { align: 'right', size: 10 });
  doc.moveDown(0.8);
  para(doc, l.addressee, { bold: true, size: 12 });
  doc.moveDown(0.6);
  para(doc, l.sender, { align: 'right', size: 10 });
  doc.moveDown(1.2);
  para(doc, l.title, { bold: true, size: 17, align: 'center' });
  doc.moveDown(0.2);
  para(doc, l.subtitle, { size: 9, align: 'center', color: MUTED });
  doc.moveDown(1.2);
  para(doc, l.opening);
  doc.moveDown(0.8);
  if (ja) {
    para(doc, '記', { align: 'center' });
    doc.moveDown(0.6);
  }
  for (const f of l.fields) field(doc, f, l.lang);
  if (l.closing) {
    ensure(doc, 40);
    para(doc, l.closing);
  }
  if (ja) {
    doc.moveDown(0.3);
    para(doc, '以上', { align: 'right' });
  }
  signature(doc, l);
  footers(doc, `Seimon · ${l.caseId} · ${l.id}`, (n, of) => (ja ? `${n} / ${of} ページ` : `Page ${n} of ${of}`));
  doc.end();
  return bytes;
}
