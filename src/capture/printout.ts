// The "printout with the URL visible" removal requests ask for: a PDF whose every page shows the
// address, the capture time and the screenshot's hash above the page as the browser rendered it.
import { openPdfDocument } from '../evidence/report/pdf-document.js';

export interface PrintoutInput {
  captureId: string;
  requestedUrl: string;
  finalUrl: string;
  title: string | null;
  capturedAt: string;
  browser: string;
  screenshot: Buffer;
  screenshotSha256: string;
  /** The screenshot's size in CSS pixels. */
  width: number;
  height: number;
}

const MARGIN = 36;
const HEADER = 92;

/** Japan time for the header (the evidence is read in Japan), with the UTC instant beside it. */
function jst(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 9 * 3600_000);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} JST (${iso})`;
}

function header(doc: PDFKit.PDFDocument, p: PrintoutInput, page: number, pages: number): void {
  const w = doc.page.width - 2 * MARGIN;
  doc.font('bold').fontSize(9).fillColor('#111827').text('URL', MARGIN, MARGIN, { continued: true }).font('regular').text(`  ${p.finalUrl}`, { width: w });
  if (p.finalUrl !== p.requestedUrl) doc.fontSize(7).fillColor('#4b5563').text(`要求した URL / requested: ${p.requestedUrl}`, { width: w });
  doc.fontSize(7).fillColor('#374151');
  doc.text(`取得日時 / captured: ${jst(p.capturedAt)}    ${p.browser}`, { width: w });
  if (p.title) doc.text(`ページ名 / title: ${p.title.slice(0, 200)}`, { width: w, height: 10, ellipsis: true });
  doc.text(`スクリーンショット SHA-256: ${p.screenshotSha256}    Seimon capture ${p.captureId}    ${page} / ${pages}`, { width: w });
  doc.moveTo(MARGIN, MARGIN + HEADER - 6).lineTo(MARGIN + w, MARGIN + HEADER - 6).lineWidth(0.5).strokeColor('#9ca3af').stroke();
}

/** Renders the printout: the screenshot scaled to the page width, cut across as many A4 pages as it needs. */
export async function renderPrintout(p: PrintoutInput): Promise<Buffer> {
  const { doc, bytes: done } = openPdfDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: `Capture ${p.captureId}`, Creator: 'Seimon', CreationDate: new Date(p.capturedAt) } });
  // One embedded image object reused on every page (pdfkit re-embeds a Buffer on each call).
  const image = (doc as unknown as { openImage(b: Buffer): { width: number; height: number } }).openImage(p.screenshot);
  const pageW = 595.28 - 2 * MARGIN;
  const sliceH = 841.89 - 2 * MARGIN - HEADER;
  const scale = pageW / image.width;
  const drawnH = image.height * scale;
  const pages = Math.max(1, Math.ceil(drawnH / sliceH));
  for (let i = 0; i < pages; i++) {
    doc.addPage();
    header(doc, p, i + 1, pages);
    const top = MARGIN + HEADER;
    doc.save();
    doc.rect(MARGIN, top, pageW, sliceH).clip();
    doc.image(image as unknown as Buffer, MARGIN, top - i * sliceH, { width: pageW });
    doc.restore();
    doc.rect(MARGIN, top, pageW, Math.min(sliceH, drawnH - i * sliceH)).lineWidth(0.5).strokeColor('#d1d5db').stroke();
  }
  doc.end();
  return done;
}
