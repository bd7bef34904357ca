/** Averages channels into mono (a plain mean keeps a centred voice at its original level). */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (first === undefined) return new Float32Array(0);
  if (channels.length === 1) return first;
  const n = first.length;
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i] = out[i]! + ch[i]!;
  const g = 1 / channels.length;
  for (let i = 0; i < n; i++) out[i] = out[i]! * g;
  return out;
}
