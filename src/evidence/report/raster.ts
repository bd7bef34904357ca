// SVG plots to PNG for the PDF, with the bundled Japanese font so labels render on any machine.
import { Resvg } from '@resvg/resvg-js';
import { REPORT_FONT_FAMILY, reportFonts } from './fonts.js';

/** Renders an SVG document to PNG at 2x. */
export function svgToPng(svg: string): Buffer {
  const f = reportFonts();
  const r = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [f.regular, f.bold], defaultFontFamily: REPORT_FONT_FAMILY, sansSerifFamily: REPORT_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
  });
  return r.render().asPng();
}
