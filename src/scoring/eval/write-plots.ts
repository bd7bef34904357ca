// Writes the evaluation's plots (DET, Tippett, histogram) as SVG and, where resvg loads, PNG.
import fs from 'node:fs';
import path from 'node:path';
import { operatingPoints } from '../metrics.js';
import { detSvg, histogramSvg, tippettSvg } from '../plots.js';
import { loadSvgToPng } from '../png.js';
import type { SortedScores } from './trial-metrics.js';

export interface WrittenPlots {
  readonly dir: string;
  /** Absolute paths of the files written. */
  readonly files: string[];
  readonly notes: string[];
}

/** Writes det, tippett (only with LLRs) and histogram plots into `dir` (created if needed). */
export async function writeEvalPlots(
  dir: string,
  s: SortedScores,
  o: { modelId: string; eer: number },
): Promise<WrittenPlots> {
  const abs = path.resolve(dir);
  fs.mkdirSync(abs, { recursive: true });
  const notes: string[] = [];
  const plots: [string, string][] = [
    ['det', detSvg([{ label: 'raw cosine', points: operatingPoints(s.raw), eer: o.eer }], `DET curve: ${o.modelId}`)],
    ['histogram', histogramSvg(s.raw, { title: `Score histogram: ${o.modelId}`, xLabel: 'Raw cosine' })],
  ];
  if (s.llr) plots.splice(1, 0, ['tippett', tippettSvg(s.llr, `Tippett plot: ${o.modelId}`)]);
  else notes.push('No Tippett plot: the model is not calibrated, so there are no LLRs to plot.');
  const png = await loadSvgToPng();
  if ('error' in png) notes.push(`${png.error}; wrote SVG only.`);
  const files: string[] = [];
  for (const [name, svg] of plots) {
    const svgFile = path.join(abs, `${name}.svg`);
    fs.writeFileSync(svgFile, svg);
    files.push(svgFile);
    if ('render' in png) {
      const pngFile = path.join(abs, `${name}.png`);
      fs.writeFileSync(pngFile, png.render(svg));
      files.push(pngFile);
    }
  }
  return { dir: abs, files, notes };
}
