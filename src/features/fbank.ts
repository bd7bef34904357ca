import { RealFft } from './fft.js';
import { melFilterbank } from './mel.js';
import type { MelFilter } from './mel.js';
import type { FbankOptions } from './presets.js';
import { makeWindow } from './window.js';

/** A row-major [numFrames, numBins] float32 feature matrix. */
export interface FeatureMatrix {
  numFrames: number;
  numBins: number;
  data: Float32Array;
}

// torch.finfo(torch.float32).eps: Kaldi/torchaudio floor mel energies here before the log.
const FLOAT_EPSILON = 1.1920928955078125e-7;

/** Frame count with snip_edges: 1 + floor((N - L) / S), or 0 when the input is shorter than a frame. */
export function numFrames(numSamples: number, frameLength: number, frameShift: number): number {
  return numSamples < frameLength ? 0 : 1 + Math.floor((numSamples - frameLength) / frameShift);
}

/**
 * Streaming Kaldi-compatible log-mel filterbank. Feed 16 kHz mono [-1, 1] samples in chunks of any
 * size; frames come out as soon as they are complete, so a long file never sits in memory whole.
 */
export class FbankStream {
  readonly options: FbankOptions;
  readonly frameLength: number;
  readonly frameShift: number;
  private readonly fft: RealFft;
  private readonly window: Float64Array;
  private readonly filters: MelFilter[];
  private readonly frame: Float64Array;
  private readonly power: Float64Array;
  private pending: Float32Array;
  private pendingLength = 0;

  constructor(options: FbankOptions) {
    this.options = options;
    this.frameLength = Math.round((options.sampleRate * options.frameLengthMs) / 1000);
    this.frameShift = Math.round((options.sampleRate * options.frameShiftMs) / 1000);
    let fftSize = 1;
    while (fftSize < this.frameLength) fftSize <<= 1;
    this.fft = new RealFft(fftSize);
    this.window = makeWindow(options.windowType, this.frameLength);
    this.filters = melFilterbank(
      options.numMelBins,
      fftSize,
      options.sampleRate,
      options.lowFreq,
      options.highFreq,
    );
    this.frame = new Float64Array(fftSize);
    this.power = new Float64Array(fftSize / 2 + 1);
    this.pending = new Float32Array(Math.max(4 * this.frameLength, 16384));
  }

  /** Adds samples and returns the frames completed by them (possibly none). */
  push(samples: Float32Array): FeatureMatrix {
    this.append(samples);
    const n = numFrames(this.pendingLength, this.frameLength, this.frameShift);
    const out = new Float32Array(n * this.options.numMelBins);
    for (let f = 0; f < n; f++)
      this.computeFrame(this.pending, f * this.frameShift, out, f * this.options.numMelBins);
    // Keep only what the next frame still needs.
    const consumed = Math.min(n * this.frameShift, this.pendingLength);
    this.pending.copyWithin(0, consumed, this.pendingLength);
    this.pendingLength -= consumed;
    return { numFrames: n, numBins: this.options.numMelBins, data: out };
  }

  private append(samples: Float32Array): void {
    const need = this.pendingLength + samples.length;
    if (need > this.pending.length) {
      const grown = new Float32Array(Math.max(need, this.pending.length * 2));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(samples, this.pendingLength);
    this.pendingLength = need;
  }

  private computeFrame(
    src: Float32Array,
    offset: number,
    out: Float32Array,
    outOffset: number,
  ): void {
    const L = this.frameLength;
    const frame = this.frame;
    const scale = this.options.sampleScale;
    let mean = 0;
    if (this.options.removeDcOffset) {
      for (let i = 0; i < L; i++) mean += src[offset + i]! * scale;
      mean /= L;
    }
    // DC removal, pre-emphasis (first sample against itself, as Kaldi does) and window in one pass;
    // frame[L..] stays zero from construction (the FFT's padding).
    const pre = this.options.preemphasis;
    const win = this.window;
    let prev = src[offset]! * scale - mean;
    frame[0] = prev * (1 - pre) * win[0]!;
    for (let i = 1; i < L; i++) {
      const v = src[offset + i]! * scale - mean;
      frame[i] = (v - pre * prev) * win[i]!;
      prev = v;
    }
    this.fft.powerSpectrum(frame, this.power);
    const power = this.power;
    const filters = this.filters;
    for (let b = 0; b < filters.length; b++) {
      const { start, weights } = filters[b]!;
      let e = 0;
      for (let k = 0; k < weights.length; k++) e += weights[k]! * power[start + k]!;
      out[outOffset + b] = Math.log(e > FLOAT_EPSILON ? e : FLOAT_EPSILON);
    }
  }
}

/** Log-mel fbank of a whole utterance (16 kHz mono, [-1, 1]) with the given options. */
export function computeFbank(samples: Float32Array, options: FbankOptions): FeatureMatrix {
  return new FbankStream(options).push(samples);
}
