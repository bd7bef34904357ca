// Where the performer stands: a histogram of the suspect's raw cosine against the cohort speakers,
// enrolled performers as ticks along the bottom, and this performer as a labelled red line.
import { axes, COLORS, r, scale, svgDocument, text } from '../../scoring/plots/svg.js';
import type { Frame } from '../../scoring/plots/svg.js';
import type { Standing } from '../pack/standing.js';
import type { ReportStrings } from './strings.js';

export const STANDING_FRAME: Frame = { width: 720, height: 300, left: 64, right: 20, top: 36, bottom: 50 };

function niceTicks(lo: number, hi: number, n: number): number[] {
  const raw = (hi - lo) / n;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((k) => k * p).find((v) => v >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toPrecision(4)));
  return out;
}

/** SVG of the suspect's standing among all speakers. */
export function standingSvg(s: Standing, performerName: string, t: ReportStrings): string {
  const f = STANDING_FRAME;
  const own = s.ownRawCosine ?? undefined;
  const others = s.performers ?? [];
  const all = [...s.cohortCosines, ...others.map((p) => p.rawCosine)];
  const min = Math.min(...all, own ?? 1);
  const max = Math.max(...all, own ?? 0);
  const pad = Math.max(0.01, (max - min) * 0.05);
  const lo = min - pad;
  const hi = Math.min(1, max + pad);
  const bins = 40;
  const w = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of s.cohortCosines) counts[Math.min(bins - 1, Math.floor((v - lo) / w))]! += 1;
  const top = Math.max(1, ...counts) * 1.15;
  const x = scale(lo, hi, f.left, f.width - f.right);
  const y = scale(0, top, f.height - f.bottom, f.top);
  const base = f.height - f.bottom;
  const xTicks = niceTicks(lo, hi, 6).map((v) => [x(v), String(v)] as const);
  const yStep = Math.max(1, Math.ceil(top / 5));
  const yTicks: (readonly [number, string])[] = [];
  for (let v = 0; v <= top; v += yStep) yTicks.push([y(v), String(v)]);
  const ja = t.seconds === '秒';
  const body = [
    axes(f, {
      title: t.standing,
      xLabel: t.rawCosine,
      yLabel: ja ? 'コホート話者数' : 'Cohort speakers',
      xTicks,
      yTicks,
    }),
    ...counts.map((n, i) =>
      n > 0 ? `<rect x="${r(x(lo + i * w))}" y="${r(y(n))}" width="${r(x(lo + (i + 1) * w) - x(lo + i * w))}" height="${r(base - y(n))}" fill="#9aa5b1" fill-opacity="0.7"/>` : '',
    ),
    ...others.map((p) => `<line x1="${r(x(p.rawCosine))}" y1="${base}" x2="${r(x(p.rawCosine))}" y2="${base - 12}" stroke="${COLORS.target}" stroke-width="2"/>`),
    ...(own === undefined
      ? []
      : [
          `<line x1="${r(x(own))}" y1="${f.top}" x2="${r(x(own))}" y2="${base}" stroke="#C0392B" stroke-width="2.5"/>`,
          text(x(own) + (x(own) > f.width / 2 ? -6 : 6), f.top + 16, `${performerName} (${s.rank === null ? '' : t.rankOf(s.rank, s.performerCount)})`, {
            anchor: x(own) > f.width / 2 ? 'end' : 'start',
            size: 12,
          }),
        ]),
    ...(others.length ? [text(f.left + 8, base - 18, ja ? '青の目盛り: 登録出演者' : 'blue ticks: enrolled performers', { anchor: 'start', size: 11 })] : []),
  ].join('\n');
  return svgDocument(f, t.standing, body);
}
