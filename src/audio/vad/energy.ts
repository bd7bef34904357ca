/** Hop of the energy detector: 20 ms at 16 kHz. */
export const ENERGY_HOP = 320;

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/**
 * Fallback speech "probabilities" from band energy against an adaptive noise floor: energy in the
 * voice band (300-3400 Hz, via a cheap one-pole band-pass) well above the quietest tenth of the file.
 * Not as good as Silero on music or babble, but it needs no model.
 */
export function energyProbabilities(samples: Float32Array, sampleRate = 16000): Float32Array {
  const hops = Math.floor(samples.length / ENERGY_HOP);
  const db = new Float64Array(hops);
  const hpA = Math.exp((-2 * Math.PI * 300) / sampleRate);
  const lpA = Math.exp((-2 * Math.PI * 3400) / sampleRate);
  let hpPrevIn = 0;
  let hpPrevOut = 0;
  let lp = 0;
  for (let h = 0; h < hops; h++) {
    let e = 0;
    for (let i = h * ENERGY_HOP; i < (h + 1) * ENERGY_HOP; i++) {
      const x = samples[i]!;
      const hp = hpA * (hpPrevOut + x - hpPrevIn);
      hpPrevIn = x;
      hpPrevOut = hp;
      lp = (1 - lpA) * hp + lpA * lp;
      e += lp * lp;
    }
    db[h] = 10 * Math.log10(e / ENERGY_HOP + 1e-12);
  }
  const sorted = Float64Array.from(db).sort();
  const floor = Math.max(percentile(sorted, 0.1), -75);
  const loud = percentile(sorted, 0.95);
  // Speech must clear the floor by 12 dB and be within 35 dB of the loudest part.
  const threshold = Math.max(floor + 12, loud - 35, -60);
  const probs = new Float32Array(hops);
  for (let h = 0; h < hops; h++) probs[h] = 1 / (1 + Math.exp(-(db[h]! - threshold) / 2));
  return probs;
}
