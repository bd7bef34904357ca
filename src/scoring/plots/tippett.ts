// Tippett plot: for every LLR value x, the share of same-speaker and of different-speaker trials whose
// LLR is at least x. The forensic literature's standard view of how strong and how misleading LRs are.
import type { SortedTrials } from '../trials.js';
import { axes, COLORS, FRAME, legend, polyline, scale, svgDocument } from './svg.js';

/** Descending-cumulative curve of sorted LLRs, as log10 LR, clamped to the axis range. */
function curve(sorted: Float64Array, lo: number, hi: number): [number, number][] {
  const n = sorted.length;
  const pts: [number, number][] = [[lo, 1]];
  for (let i = 0; i < n; i++) {
    const v = Math.min(hi, Math.max(lo, (sorted[i] as number) / Math.LN10));
    // A vertical step at each LLR: from "share >= v" (including this trial) to the share above it.
    pts.push([v, (n - i) / n], [v, (n - i - 1) / n]);
  }
  pts.push([hi, 0]);
  return pts;
}

/** Tippett plot of calibrated LLRs (natural log), drawn on a log10 LR axis, as an SVG string. */
export function tippettSvg(llrs: SortedTrials, title = 'Tippett plot'): string {
  const f = FRAME;
  const all = [...llrs.targets, ...llrs.nonTargets]
    .map((v) => v / Math.LN10)
    .filter(Number.isFinite);
  const lo = Math.floor(Math.max(-6, Math.min(-1, ...all)));
  const hi = Math.ceil(Math.min(6, Math.max(1, ...all)));
  const x = scale(lo, hi, f.left, f.width - f.right);
  const y = scale(0, 1, f.height - f.bottom, f.top);
  const xTicks = Array.from(
    { length: hi - lo + 1 },
    (_, i) => [x(lo + i), String(lo + i)] as const,
  );
  const yTicks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((p) => [y(p), `${p * 100}%`] as const);
  const toPx = (pts: [number, number][]): [number, number][] => pts.map(([a, b]) => [x(a), y(b)]);
  const body = [
    axes(f, {
      title,
      xLabel: 'log10 likelihood ratio (LR ≥ x)',
      yLabel: 'Proportion of trials with LR ≥ x',
      xTicks,
      yTicks,
    }),
    polyline(
      [
        [x(0), y(0)],
        [x(0), y(1)],
      ],
      '#999999',
      1,
      '4 4',
    ),
    polyline(toPx(curve(llrs.targets, lo, hi)), COLORS.target),
    polyline(toPx(curve(llrs.nonTargets, lo, hi)), COLORS.nonTarget),
    legend(f, [
      { label: `same speaker (n = ${llrs.targets.length})`, color: COLORS.target },
      { label: `different speakers (n = ${llrs.nonTargets.length})`, color: COLORS.nonTarget },
    ]),
  ].join('\n');
  return svgDocument(f, title, body);
}
