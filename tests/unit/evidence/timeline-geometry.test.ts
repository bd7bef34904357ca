/**
 * The report's similarity timeline draws each matching stretch at exactly the seconds it states (the
 * walkthrough found the workbench drawing 0.1–3.1 s as 0.1–1.6 s; the report must never do that).
 */
import { describe, expect, it } from 'vitest';
import type { Comparison, TimelinePoint } from '../../../src/domain/index.js';
import { TIMELINE_FRAME, timelineSvg } from '../../../src/evidence/report/timeline-svg.js';
import { strings } from '../../../src/evidence/report/strings.js';

const point = (start: number, end: number, percent: number): TimelinePoint => ({
  start,
  end,
  rawCosine: 0.5,
  normalized: null,
  llr: null,
  percent,
  band: percent >= 90 ? 'very-high' : 'low',
});

/** Windows of 3 s every 1.5 s over 0.1..9.1 s; the stated stretches 0.1–3.1 s and 4.6–9.1 s. */
const comparison = {
  performer: { id: 'p', name: '山田花子' },
  suspect: { id: 's', label: 'キャラクターA' },
  timeline: [point(0.1, 3.1, 97), point(1.6, 4.6, 40), point(3.1, 6.1, 60), point(4.6, 7.6, 95), point(6.1, 9.1, 96)],
  regions: [
    { start: 0.1, end: 3.1, peak: 97 },
    { start: 4.6, end: 9.1, peak: 96 },
  ],
  regionScore: 'percent',
  regionThreshold: 90,
} as unknown as Comparison;

describe('report timeline geometry', () => {
  it.each(['ja', 'en'] as const)('shades each stated stretch from its start to its end on the time axis (%s)', (lang) => {
    const svg = timelineSvg(comparison, strings(lang));
    const f = TIMELINE_FRAME;
    const end = 9.1;
    const px = (s: number) => f.left + (s / end) * (f.width - f.right - f.left);
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill-opacity="0.15"/g)].map((m) => ({
      x: Number(m[1]),
      width: Number(m[2]),
    }));
    expect(rects).toHaveLength(2);
    comparison.regions.forEach((g, i) => {
      expect(rects[i]?.x).toBeCloseTo(px(g.start), 0);
      expect((rects[i]?.x ?? 0) + (rects[i]?.width ?? 0)).toBeCloseTo(px(g.end), 0);
    });
    // Window centres sit at their true times: the first at 1.6 s, the last at 7.6 s.
    const cx = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cx[0]).toBeCloseTo(px(1.6), 0);
    expect(cx.at(-1)).toBeCloseTo(px(7.6), 0);
  });
});
