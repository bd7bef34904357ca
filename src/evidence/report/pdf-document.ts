// One pdfkit set-up for every PDF Seimon writes (evidence report, capture printout, letters, advocacy
// report): the bundled Noto Sans JP registered as 'regular' and 'bold' (subset-embedded), the bytes
// collected in memory.
import PDFDocument from 'pdfkit';
import { reportFonts } from './fonts.js';

/** A new document with the given pdfkit options and the Japanese fonts; `bytes` resolves after `doc.end()`. */
export function openPdfDocument(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const fonts = reportFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
