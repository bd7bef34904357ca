/**
 * How a similarity % is written everywhere (UI, CLI, reports, letters, CSV): one decimal, and never
 * "100 %" or "0 %": a calibrated probability is never certainty, so the extremes read "> 99.9 %".
 */
export function formatSimilarity(percent: number | null, unit = ' %'): string {
  if (percent === null || !Number.isFinite(percent)) return '—';
  if (percent > 99.9) return `> 99.9${unit}`;
  if (percent < 0.1) return `< 0.1${unit}`;
  return `${percent.toFixed(1)}${unit}`;
}
