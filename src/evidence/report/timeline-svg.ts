// The similarity timeline of a comparison: one point per window, the match threshold dashed, the
// matching stretches shaded. Same axes conventions as the scoring plots.
import type { Comparison } from '../../domain/index.js';
import { axes, COLORS, polyline, r, scale, svgDocument } from '../../scoring/plots/svg.js';
import type { Frame } from '../../scoring/plots/svg.js';
import type { ReportStrings } from './strings.js';

export const TIMELINE_FRAME: Frame = { width: 720, height: 300, left: 64, right: 20, top: 36, bottom: 50 };

function yRange(c: Comparison, values: number[]): [number, number] {
  if (c.regionScore === 'percent') return [0, 100];
  const lo = Math.min(c.regionThreshold, ...values);
  const hi = Math.max(c.regionThreshold, ...values);
  const pad = (hi - lo || 1) * 0.1;
  return [lo - pad, hi + pad];
}

function ticks(lo: number, hi: number, n: number): number[] {
  const raw = (hi - lo) / n;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toPrecision(6)));
  return out;
}

/** SVG of the similarity timeline. */
export function timelineSvg(c: Comparison, t: ReportStrings): string {
  const f = TIMELINE_FRAME;
  const field = c.regionScore;
  const values = c.timeline.map((p) => p[field] ?? p.rawCosine);
  const [lo, hi] = yRange(c, values);
  const end = Math.max(1, ...c.timeline.map((p) => p.end));
  const x = scale(0, end, f.left, f.width - f.right);
  const y = scale(lo, hi, f.height - f.bottom, f.top);
  const label = field === 'percent' ? `${t.similarity} (%)` : field === 'normalized' ? t.normalized : t.rawCosine;
  const body = [
    ...c.regions.map((g) => `<rect x="${r(x(g.start))}" y="${f.top}" width="${r(x(g.end) - x(g.start))}" height="${f.height - f.bottom - f.top}" fill="${COLORS.nonTarget}" fill-opacity="0.15"/>`),
    axes(f, {
      title: `${t.timeline}: ${c.performer.name} × ${c.suspect.label}`,
      xLabel: t.seconds === '秒' ? '時間（秒）' : 'Time (s)',
      yLabel: label,
      xTicks: ticks(0, end, 8).map((v) => [x(v), String(v)] as const),
      yTicks: ticks(lo, hi, 5).map((v) => [y(v), String(v)] as const),
    }),
    polyline([[f.left, y(c.regionThreshold)], [f.width - f.right, y(c.regionThreshold)]], COLORS.nonTarget, 1.5, '6 4'),
    polyline(c.timeline.map((p, i) => [x((p.start + p.end) / 2), y(values[i] ?? 0)] as const), COLORS.target, 2),
    ...c.timeline.map((p, i) => `<circle cx="${r(x((p.start + p.end) / 2))}" cy="${r(y(values[i] ?? 0))}" r="2.5" fill="${COLORS.target}"/>`),
  ].join('\n');
  return svgDocument(f, t.timeline, body);
}
