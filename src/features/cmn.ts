import type { FeatureMatrix } from './fbank.js';

/** Per-utterance cepstral mean normalisation: subtracts each bin's mean over frames, in place. */
export function applyCmn(features: FeatureMatrix): FeatureMatrix {
  const { numFrames, numBins, data } = features;
  if (numFrames === 0) return features;
  const mean = new Float64Array(numBins);
  for (let f = 0; f < numFrames; f++) {
    const row = f * numBins;
    for (let b = 0; b < numBins; b++) mean[b] = mean[b]! + data[row + b]!;
  }
  for (let b = 0; b < numBins; b++) mean[b] = mean[b]! / numFrames;
  for (let f = 0; f < numFrames; f++) {
    const row = f * numBins;
    for (let b = 0; b < numBins; b++) data[row + b] = data[row + b]! - mean[b]!;
  }
  return features;
}
