/** Mel scale as Kaldi defines it (natural log, 1127 / 700). */
export function melScale(hz: number): number {
  return 1127 * Math.log(1 + hz / 700);
}

/** One triangular filter stored sparsely: weights for FFT bins start..start+weights.length-1. */
export interface MelFilter {
  start: number;
  weights: Float64Array;
}

/**
 * Kaldi/torchaudio mel filterbank over FFT bins 0..fftSize/2-1 (the Nyquist bin gets weight 0, as
 * in Kaldi). Sparse because each triangle touches only a few bins, which makes the product cheap.
 */
export function melFilterbank(
  numBins: number,
  fftSize: number,
  sampleRate: number,
  lowHz: number,
  highHz: number,
): MelFilter[] {
  const nyquist = sampleRate / 2;
  // Kaldi's convention: high <= 0 means an offset from Nyquist.
  const high = highHz <= 0 ? nyquist + highHz : highHz;
  if (!(lowHz >= 0 && lowHz < high && high <= nyquist)) {
    throw new RangeError(`bad mel range ${lowHz}..${high} Hz for ${sampleRate} Hz audio`);
  }
  const numFftBins = fftSize / 2;
  const binWidth = sampleRate / fftSize;
  const melLow = melScale(lowHz);
  const melHigh = melScale(high);
  const delta = (melHigh - melLow) / (numBins + 1);
  const binMel = new Float64Array(numFftBins);
  for (let k = 0; k < numFftBins; k++) binMel[k] = melScale(binWidth * k);
  const filters: MelFilter[] = [];
  for (let b = 0; b < numBins; b++) {
    const left = melLow + b * delta;
    const center = left + delta;
    const right = center + delta;
    let first = -1;
    let last = -1;
    const w = new Float64Array(numFftBins);
    for (let k = 0; k < numFftBins; k++) {
      const m = binMel[k]!;
      const up = (m - left) / (center - left);
      const down = (right - m) / (right - center);
      const v = Math.max(0, Math.min(up, down));
      w[k] = v;
      if (v > 0) {
        if (first < 0) first = k;
        last = k;
      }
    }
    filters.push(
      first < 0
        ? { start: 0, weights: new Float64Array(0) }
        : { start: first, weights: w.slice(first, last + 1) },
    );
  }
  return filters;
}
