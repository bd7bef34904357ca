// SVG → PNG for the advocacy PDF with resvg, given the embedded Japanese font so platform names render.
import { reportFonts } from '../../evidence/report/fonts.js';

/** Renders the chart SVG at 2× with Noto Sans JP; null when resvg cannot load on this machine. */
export async function chartPng(svg: string): Promise<Buffer | null> {
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    const fonts = reportFonts();
    const r = new Resvg(svg, {
      font: { loadSystemFonts: false, fontFiles: [fonts.regular], defaultFontFamily: 'Noto Sans JP', sansSerifFamily: 'Noto Sans JP' },
      fitTo: { mode: 'zoom', value: 2 },
      background: '#ffffff',
    });
    return r.render().asPng();
  } catch {
    return null; // the PDF then carries the table only, and says so
  }
}
