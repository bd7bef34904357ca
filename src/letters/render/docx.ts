// A letter as DOCX (the `docx` package, MIT): A4, the same order as the PDF, fields in a two-column
// form table. docx escapes all text into WordprocessingML, so markup in user text stays text.
import { AlignmentType, BorderStyle, Document, Footer, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { LetterDetail, LetterField } from '../../domain/letters.js';

const A4 = { width: 11906, height: 16838 }; // twentieths of a point
const MARGIN = 1134; // 2 cm

function lines(text: string, o: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, bold: o.bold ?? false, size: o.size ?? 21, ...(o.color ? { color: o.color } : {}) }));
}

const para = (text: string, o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; size?: number; color?: string; after?: number } = {}) =>
  new Paragraph({ alignment: o.align ?? AlignmentType.LEFT, spacing: { after: o.after ?? 160 }, children: lines(text, o) });

function fieldRow(f: LetterField, lang: LetterDetail['lang']): TableRow {
  const tag = f.verbatimToPoster ? (lang === 'ja' ? '※ 発信者にそのまま通知されます' : '* passed to the poster as written') : null;
  return new TableRow({
    cantSplit: false,
    children: [
      new TableCell({
        width: { size: 28, type: WidthType.PERCENTAGE },
        shading: { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' },
        children: [para(f.label, { bold: true, size: 20, after: 60 }), ...(tag ? [para(tag, { size: 15, color: '9A3412', after: 0 })] : [])],
      }),
      new TableCell({ width: { size: 72, type: WidthType.PERCENTAGE }, children: [para(f.value || ' ', { size: 19, after: 0 })] }),
    ],
  });
}

/** Renders the letter to DOCX bytes. */
export async function renderLetterDocx(l: LetterDetail, createdAt: Date): Promise<Buffer> {
  const ja = l.lang === 'ja';
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'A0A7B4' };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: l.fields.map((f) => fieldRow(f, l.lang)),
  });
  const doc = new Document({
    creator: 'Seimon',
    title: l.title,
    description: l.subtitle,
    lastModifiedBy: 'Seimon',
    revision: 1,
    styles: { default: { document: { run: { font: ja ? { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Yu Gothic' } : 'Arial' } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: new Footer({ children: [para(`Seimon · ${l.caseId} · ${l.id} · ${createdAt.toISOString()}`, { size: 14, color: '6B7280', after: 0 })] }) },
        children: [
          para(l.date, { align: AlignmentType.RIGHT }),
          para(l.addressee, { bold: true, size: 24, after: 200 }),
          ...(l.sender ? [para(l.sender, { align: AlignmentType.RIGHT, after: 320 })] : []),
          para(l.title, { align: AlignmentType.CENTER, bold: true, size: 32, after: 60 }),
          para(l.subtitle, { align: AlignmentType.CENTER, size: 17, color: '4B5563', after: 320 }),
          para(l.opening),
          ...(ja ? [para('記', { align: AlignmentType.CENTER })] : []),
          table,
          para('', { after: 120 }),
          ...(l.closing ? [para(l.closing)] : []),
          ...(ja ? [para('以上', { align: AlignmentType.RIGHT })] : []),
          para(''),
          para(l.signature, { align: AlignmentType.RIGHT }),
          para('______________________________', { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
