// DET curve: miss rate against false-alarm rate on probit (normal-deviate) axes, where Gaussian score
// distributions become straight lines and the low-error region gets the room it deserves.
import { probit } from '../probit.js';
import type { OperatingPoint } from '../trials.js';
import { axes, COLORS, FRAME, legend, polyline, scale, svgDocument } from './svg.js';

// 0.2 % and 40 % are left out: on probit axes their labels would collide with 0.1 % and 50 %.
const TICKS = [0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
const LO = 0.001;
const HI = 0.5;

const pct = (p: number): string => `${Number((p * 100).toPrecision(2))}%`;

export interface DetSeries {
  readonly label: string;
  readonly points: readonly OperatingPoint[];
  /** Marks the EER point when given. */
  readonly eer?: number;
}

/** A DET plot (0.1 %-50 % on both axes) of one or more systems, as an SVG string. */
export function detSvg(series: readonly DetSeries[], title = 'DET curve'): string {
  const f = FRAME;
  const size = Math.min(f.width - f.left - f.right, f.height - f.top - f.bottom);
  const x = scale(probit(LO), probit(HI), f.left, f.left + size);
  const y = scale(probit(LO), probit(HI), f.height - f.bottom, f.height - f.bottom - size);
  // Clip to the axis range: the probit of 0 or 1 is infinite, and the curve should meet the frame.
  const clip = (p: number): number => probit(Math.min(HI, Math.max(LO, p)));
  const frame = { ...f, width: f.left + size + f.right };
  const ticks = TICKS.map((p) => [x(probit(p)), pct(p)] as const);
  const yTicks = TICKS.map((p) => [y(probit(p)), pct(p)] as const);
  const colors = [COLORS.target, ...COLORS.extra];
  const body = [
    axes(frame, {
      title,
      xLabel: 'False-match rate (different speakers accepted)',
      yLabel: 'Miss rate (same speaker rejected)',
      xTicks: ticks,
      yTicks,
    }),
    // The EER diagonal, for reading the equal-error point off the chart.
    polyline(
      [
        [x(probit(LO)), y(probit(LO))],
        [x(probit(HI)), y(probit(HI))],
      ],
      '#999999',
      1,
      '4 4',
    ),
    ...series.map((s, i) =>
      polyline(
        s.points.map((p) => [x(clip(p.pFa)), y(clip(p.pMiss))] as const),
        colors[i % colors.length] ?? COLORS.target,
      ),
    ),
    ...series.flatMap((s, i) =>
      s.eer === undefined || s.eer < LO || s.eer > HI
        ? []
        : [
            `<circle cx="${x(probit(s.eer)).toFixed(1)}" cy="${y(probit(s.eer)).toFixed(1)}" r="4" fill="${colors[i % colors.length] ?? COLORS.target}"/>`,
          ],
    ),
    legend(
      frame,
      series.map((s, i) => ({
        label: s.eer === undefined ? s.label : `${s.label} (EER ${pct(s.eer)})`,
        color: colors[i % colors.length] ?? COLORS.target,
      })),
    ),
  ].join('\n');
  return svgDocument(frame, title, body);
}
