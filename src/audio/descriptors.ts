import MeydaModule from 'meyda';

// meyda ships CommonJS whose typings describe an ES default export: depending on the loader the
// object arrives as the import itself or under `.default`.
type MeydaApi = (typeof MeydaModule)['default'];
const Meyda: MeydaApi =
  (MeydaModule as unknown as { default?: MeydaApi }).default ??
  (MeydaModule as unknown as MeydaApi);

/** Per-frame descriptors on 16 kHz mono, 512-sample frames (32 ms). */
export interface FrameDescriptors {
  frameSeconds: number;
  /** Mean square per frame (power). */
  power: Float64Array;
  spectralFlatness: Float64Array;
  /** Zero crossings per second. */
  zcr: Float64Array;
  /** Spectral centroid in Hz. */
  centroidHz: Float64Array;
}

const FRAME = 512;

/** Computes RMS, spectral flatness, ZCR and centroid per frame with meyda. */
export function frameDescriptors(samples: Float32Array, sampleRate = 16000): FrameDescriptors {
  const n = Math.floor(samples.length / FRAME);
  Meyda.bufferSize = FRAME;
  Meyda.sampleRate = sampleRate;
  Meyda.windowingFunction = 'hanning';
  const d: FrameDescriptors = {
    frameSeconds: FRAME / sampleRate,
    power: new Float64Array(n),
    spectralFlatness: new Float64Array(n),
    zcr: new Float64Array(n),
    centroidHz: new Float64Array(n),
  };
  for (let f = 0; f < n; f++) {
    const frame = samples.subarray(f * FRAME, (f + 1) * FRAME);
    const r = Meyda.extract(['rms', 'spectralFlatness', 'zcr', 'spectralCentroid'], frame);
    const rms = Number(r?.rms ?? 0);
    d.power[f] = rms * rms;
    // meyda reports NaN flatness/centroid for digital silence; treat silence as flat noise-free.
    d.spectralFlatness[f] = Number.isFinite(r?.spectralFlatness) ? Number(r?.spectralFlatness) : 0;
    d.zcr[f] = (Number(r?.zcr ?? 0) * sampleRate) / FRAME;
    // meyda's centroid is in FFT bins; bin width is sampleRate / FRAME.
    d.centroidHz[f] = Number.isFinite(r?.spectralCentroid)
      ? (Number(r?.spectralCentroid) * sampleRate) / FRAME
      : 0;
  }
  return d;
}
