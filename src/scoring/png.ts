// SVG -> PNG with resvg (Rust, prebuilt native binaries shipped inside npm). Loaded lazily: a missing
// binary for this platform costs the PNGs, never the evaluation, and the caller says so.
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** Renders one SVG document to PNG bytes. */
export type SvgToPng = (svg: string) => Buffer;

const OPTIONS: ResvgRenderOptions = {
  // Plot SVGs ask for Helvetica/Arial then sans-serif; system fonts make the labels render at all
  // (resvg draws no text without a font), and DejaVu/Noto are what Linux desktops actually have.
  font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  // 2x so the PNG stays crisp in a report or slide.
  fitTo: { mode: 'zoom', value: 2 },
  background: '#ffffff',
};

/** The PNG renderer, or why there is none on this machine. */
export async function loadSvgToPng(): Promise<{ render: SvgToPng } | { error: string }> {
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    return { render: (svg) => new Resvg(svg, OPTIONS).render().asPng() };
  } catch (e) {
    return { error: `PNG export unavailable (@resvg/resvg-js did not load: ${(e as Error).message})` };
  }
}
