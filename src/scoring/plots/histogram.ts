// Overlaid score histograms of same-speaker and different-speaker trials, normalised to proportions
// so classes of very different sizes (typically 1:100) stay comparable.
import type { SortedTrials } from '../trials.js';
import { axes, COLORS, FRAME, legend, r, scale, svgDocument } from './svg.js';

function counts(sorted: Float64Array, lo: number, width: number, bins: number): number[] {
  const c = new Array<number>(bins).fill(0);
  for (const v of sorted) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    c[b] = (c[b] ?? 0) + 1;
  }
  return c.map((k) => k / sorted.length);
}

function niceStep(span: number): number {
  const raw = span / 6;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? raw;
}

/** Histogram of target vs non-target scores (shared bins), as an SVG string. */
export function histogramSvg(
  trials: SortedTrials,
  o: { title?: string; xLabel?: string; bins?: number } = {},
): string {
  const f = FRAME;
  const bins = o.bins ?? 40;
  const all = [...trials.targets, ...trials.nonTargets];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const ct = counts(trials.targets, lo, width, bins);
  const cn = counts(trials.nonTargets, lo, width, bins);
  const top = Math.max(...ct, ...cn) * 1.1;
  const x = scale(lo, hi, f.left, f.width - f.right);
  const y = scale(0, top, f.height - f.bottom, f.top);
  const step = niceStep(hi - lo);
  const xTicks: (readonly [number, string])[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step)
    xTicks.push([x(v), Number(v.toPrecision(6)).toString()]);
  const yStep = niceStep(top);
  const yTicks: (readonly [number, string])[] = [];
  for (let v = 0; v <= top + 1e-12; v += yStep)
    yTicks.push([y(v), `${Number((v * 100).toPrecision(3))}%`]);
  const bars = (c: number[], color: string): string =>
    c
      .map((p, i) =>
        p > 0
          ? `<rect x="${r(x(lo + i * width))}" y="${r(y(p))}" width="${r(x(lo + (i + 1) * width) - x(lo + i * width))}" height="${r(y(0) - y(p))}" fill="${color}" fill-opacity="0.45" stroke="${color}" stroke-width="0.5"/>`
          : '',
      )
      .join('');
  const title = o.title ?? 'Score distributions';
  const body = [
    axes(f, { title, xLabel: o.xLabel ?? 'Score', yLabel: 'Proportion of trials', xTicks, yTicks }),
    bars(cn, COLORS.nonTarget),
    bars(ct, COLORS.target),
    legend(f, [
      { label: `same speaker (n = ${trials.targets.length})`, color: COLORS.target },
      { label: `different speakers (n = ${trials.nonTargets.length})`, color: COLORS.nonTarget },
    ]),
  ].join('\n');
  return svgDocument(f, title, body);
}
