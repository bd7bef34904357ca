import { computeFbank, numFrames } from './fbank.js';
import type { FeatureMatrix } from './fbank.js';
import type { FbankOptions } from './presets.js';

/**
 * Kaldi's `snip_edges = false`: round(N / shift) frames centred on each shift, the signal reflected at
 * both ends. Seimon's presets use `snip_edges = true` (as the supported models were trained); this
 * exists to reproduce front-ends that do not, such as sherpa-onnx's, for like-for-like comparisons.
 */
export function computeFbankNoSnip(samples: Float32Array, options: FbankOptions): FeatureMatrix {
  const shift = Math.round((options.sampleRate * options.frameShiftMs) / 1000);
  const length = Math.round((options.sampleRate * options.frameLengthMs) / 1000);
  const n = samples.length;
  const frames = Math.floor((n + Math.floor(shift / 2)) / shift);
  if (frames === 0 || n === 0) return { numFrames: 0, numBins: options.numMelBins, data: new Float32Array(0) };
  const lead = Math.floor(length / 2) - Math.floor(shift / 2); // first frame starts this far before 0
  const total = lead + (frames - 1) * shift + length;
  const padded = new Float32Array(total);
  for (let k = 0; k < total; k++) {
    let j = k - lead;
    // Reflect (Kaldi: -j-1 below zero, 2n-1-j past the end), repeating for very short signals.
    while (j < 0 || j >= n) j = j < 0 ? -j - 1 : 2 * n - 1 - j;
    padded[k] = samples[j] ?? 0;
  }
  const all = computeFbank(padded, options);
  const keep = Math.min(frames, numFrames(total, length, shift));
  return { numFrames: keep, numBins: all.numBins, data: all.data.subarray(0, keep * all.numBins) };
}
