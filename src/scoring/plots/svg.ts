// Minimal SVG building blocks shared by the plots: no dependencies, deterministic output, text escaped.

/** Plot frame: outer size and the inner drawing area (pixels). */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const FRAME: Frame = { width: 640, height: 480, left: 72, right: 24, top: 40, bottom: 64 };

/** Colours: target (same speaker) and non-target (different speakers), colour-blind safe (Okabe-Ito). */
export const COLORS = {
  target: '#0072B2',
  nonTarget: '#D55E00',
  grid: '#e3e3e3',
  axis: '#333333',
  extra: ['#009E73', '#CC79A7', '#E69F00'],
} as const;

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Rounds pixel coordinates so the SVG stays small and stable across platforms. */
export const r = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Maps a data range linearly to a pixel range. */
export function scale(d0: number, d1: number, p0: number, p1: number): (x: number) => number {
  const k = (p1 - p0) / (d1 - d0 || 1);
  return (x) => p0 + (x - d0) * k;
}

export function polyline(
  points: readonly (readonly [number, number])[],
  color: string,
  width = 2,
  dash?: string,
): string {
  const d = points.map(([x, y]) => `${r(x)},${r(y)}`).join(' ');
  return `<polyline fill="none" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${d}"/>`;
}

export function text(
  x: number,
  y: number,
  s: string,
  opts: { anchor?: 'start' | 'middle' | 'end'; size?: number; rotate?: boolean } = {},
): string {
  const rot = opts.rotate ? ` transform="rotate(-90 ${r(x)} ${r(y)})"` : '';
  return `<text x="${r(x)}" y="${r(y)}" font-size="${opts.size ?? 12}" text-anchor="${opts.anchor ?? 'middle'}"${rot}>${esc(s)}</text>`;
}

/** Axis box, grid lines with tick labels, title and axis labels. Ticks are [pixel, label] pairs. */
export function axes(
  f: Frame,
  o: {
    title: string;
    xLabel: string;
    yLabel: string;
    xTicks: readonly (readonly [number, string])[];
    yTicks: readonly (readonly [number, string])[];
  },
): string {
  const x0 = f.left;
  const x1 = f.width - f.right;
  const y0 = f.height - f.bottom;
  const y1 = f.top;
  const parts: string[] = [];
  for (const [px, label] of o.xTicks) {
    parts.push(`<line x1="${r(px)}" y1="${y1}" x2="${r(px)}" y2="${y0}" stroke="${COLORS.grid}"/>`);
    parts.push(text(px, y0 + 16, label, { size: 11 }));
  }
  for (const [py, label] of o.yTicks) {
    parts.push(`<line x1="${x0}" y1="${r(py)}" x2="${x1}" y2="${r(py)}" stroke="${COLORS.grid}"/>`);
    parts.push(text(x0 - 6, py + 4, label, { anchor: 'end', size: 11 }));
  }
  parts.push(
    `<rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}" fill="none" stroke="${COLORS.axis}"/>`,
  );
  parts.push(text((x0 + x1) / 2, f.top - 14, o.title, { size: 15 }));
  parts.push(text((x0 + x1) / 2, f.height - 18, o.xLabel, { size: 13 }));
  parts.push(text(18, (y0 + y1) / 2, o.yLabel, { size: 13, rotate: true }));
  return parts.join('\n');
}

/** A legend in the top-right corner of the drawing area. */
export function legend(
  f: Frame,
  entries: readonly { label: string; color: string; dash?: string }[],
): string {
  const x = f.width - f.right - 200;
  // A translucent white box keeps the legend readable where it overlaps the data.
  const box = `<rect x="${x - 6}" y="${f.top + 4}" width="200" height="${entries.length * 18 + 6}" fill="#ffffff" fill-opacity="0.85"/>`;
  return (
    box +
    entries
      .map((e, i) => {
        const y = f.top + 18 + i * 18;
        return (
          `<line x1="${x}" y1="${y - 4}" x2="${x + 24}" y2="${y - 4}" stroke="${e.color}" stroke-width="3"${e.dash ? ` stroke-dasharray="${e.dash}"` : ''}/>` +
          text(x + 30, y, e.label, { anchor: 'start', size: 12 })
        );
      })
      .join('\n')
  );
}

/** Wraps body elements in a standalone SVG document with a white background (PNG conversion keeps it). */
export function svgDocument(f: Frame, title: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" font-family="Helvetica, Arial, 'Noto Sans CJK JP', sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    body,
    '</svg>',
  ].join('\n');
}
