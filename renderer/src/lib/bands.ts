import { formatSimilarity } from '../../../src/api/contract';

/** One colour per verdict band, used everywhere a band appears (table, heatmap, badges, timeline). */
export const BAND_COLOURS: Record<string, string> = {
  'very-high': '#b42318',
  high: '#dc6803',
  moderate: '#b7950b',
  low: '#667085',
  uncalibrated: '#475467',
  withheld: '#475467',
};

export const bandColour = (key: string): string => BAND_COLOURS[key] ?? '#667085';

/** Heatmap colour for a similarity % (0..100) or, uncalibrated, a cosine mapped to 0..1. */
export function heatColour(value01: number): string {
  const v = Math.max(0, Math.min(1, value01));
  // light sand -> deep red, readable on white
  const r = Math.round(250 - 70 * v);
  const g = Math.round(245 - 210 * v);
  const b = Math.round(235 - 200 * v);
  return `rgb(${r}, ${g}, ${b})`;
}

export const formatPercent = (p: number | null): string => formatSimilarity(p);
export const formatSeconds = (s: number): string => (s >= 60 ? `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}` : `${s.toFixed(1)} s`);
