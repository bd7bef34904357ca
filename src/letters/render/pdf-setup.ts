// Letters' page set-up (A4, margins, footers) over the shared pdfkit document of evidence/report/pdf-document.ts.
import { openPdfDocument } from '../../evidence/report/pdf-document.js';

export type Doc = PDFKit.PDFDocument;

export const MARGIN = { top: 60, bottom: 70, left: 62, right: 62 };

/** A new A4 document with the Japanese fonts registered as 'regular' and 'bold', and its bytes promise. */
export function newPdf(info: { title: string; subject?: string; createdAt: Date }): { doc: Doc; bytes: Promise<Buffer> } {
  return openPdfDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: info.title, Subject: info.subject ?? '', Creator: 'Seimon', Producer: 'Seimon (pdfkit)', CreationDate: info.createdAt },
  });
}

export const contentWidth = (doc: Doc): number => doc.page.width - MARGIN.left - MARGIN.right;

/** Writes a footer line and page numbers on every buffered page. */
export function footers(doc: Doc, left: string, page: (n: number, of: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    const y = doc.page.height - 44;
    doc.moveTo(MARGIN.left, y - 6).lineTo(doc.page.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor('#c9ced6').stroke();
    doc.font('regular').fontSize(7).fillColor('#6b7280');
    doc.text(left, MARGIN.left, y, { width: contentWidth(doc) - 80, lineBreak: false });
    doc.text(page(i + 1, range.count), doc.page.width - MARGIN.right - 80, y, { width: 80, align: 'right', lineBreak: false });
  }
}
