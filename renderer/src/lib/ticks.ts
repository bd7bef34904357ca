/** "Nice" tick values (1, 2 or 5 × 10^k steps) from 0 up to `end`, about `count` of them. */
export function timeTicks(end: number, count = 6): number[] {
  if (!(end > 0)) return [0];
  const rough = end / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let v = 0; v <= end + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}

/** A tick label in seconds without trailing zeros ("1.5", "10"). */
export const tickLabel = (v: number): string => String(Number(v.toFixed(2)));

/** "Nice" ticks across lo..hi (any sign): multiples of a 1, 2 or 5 × 10^k step. */
export function rangeTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const rough = (hi - lo) / Math.max(1, count);
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Number(v.toFixed(6)));
  return out;
}
