import { besselI0, kaiserAt, kaiserBeta } from './kaiser.js';

/** Design of the anti-aliasing / anti-imaging low-pass used by the resampler. */
export interface ResamplerDesign {
  /** Highest frequency kept flat (Hz). */
  passHz: number;
  /** Lowest frequency fully rejected (Hz). */
  stopHz: number;
  /** Stopband attenuation (dB). */
  attenuationDb: number;
}

// Phase tables beyond this size are quantised to fewer phases; the timing error of 1/4096 of a
// sample is far below the stopband floor.
const MAX_PHASES = 4096;

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The filter the resampler uses for a rate pair: flat to 87.5% of the lower Nyquist, stop at it. */
export function defaultDesign(fromRate: number, toRate: number): ResamplerDesign {
  const nyquist = Math.min(fromRate, toRate) / 2;
  // 16 kHz output: pass 7 kHz, stop 8 kHz, so anything above 8 kHz cannot fold back into the band.
  return { passHz: 0.875 * nyquist, stopHz: nyquist, attenuationDb: 62 };
}

/**
 * Streaming band-limited resampler: Kaiser-windowed sinc evaluated at each output instant through a
 * polyphase table. Output sample n sits exactly at time n / toRate (no group delay), which keeps
 * VAD segment times and feature frames aligned with the original file.
 */
export class Resampler {
  readonly fromRate: number;
  readonly toRate: number;
  private readonly up: number;
  private readonly down: number;
  private readonly half: number;
  private readonly taps: number;
  private readonly phases: number;
  private readonly table: Float32Array;
  private buf: Float32Array;
  private bufLen: number;
  /** Absolute input index of buf[0]; negative while the virtual leading zeros are still buffered. */
  private bufStart: number;
  private inputCount = 0;
  private outputCount = 0;
  /** Integer position of the next output: input index `pos`, fraction `frac / up`. */
  private pos = 0;
  private frac = 0;
  private flushed = false;

  constructor(
    fromRate: number,
    toRate: number,
    design: ResamplerDesign = defaultDesign(fromRate, toRate),
  ) {
    if (!(Number.isInteger(fromRate) && Number.isInteger(toRate) && fromRate > 0 && toRate > 0)) {
      throw new RangeError(`sample rates must be positive integers, got ${fromRate} -> ${toRate}`);
    }
    this.fromRate = fromRate;
    this.toRate = toRate;
    const g = gcd(fromRate, toRate);
    this.up = toRate / g;
    this.down = fromRate / g;
    const transition = (design.stopHz - design.passHz) / fromRate;
    const length = (design.attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transition);
    this.half = fromRate === toRate ? 0 : Math.max(2, Math.ceil(length / 2));
    this.taps = 2 * this.half;
    this.phases = Math.min(this.up, MAX_PHASES);
    this.table = this.buildTable(design);
    this.buf = new Float32Array(1 << 16);
    // Start with `half` zeros so the first outputs see silence before the signal, not garbage.
    this.bufLen = this.half;
    this.bufStart = -this.half;
  }

  private buildTable(design: ResamplerDesign): Float32Array {
    const { half, taps, phases } = this;
    const table = new Float32Array(phases * taps);
    if (taps === 0) return table;
    const cutoff = (design.passHz + design.stopHz) / this.fromRate; // 2 fc / fs
    const beta = kaiserBeta(design.attenuationDb);
    const i0b = besselI0(beta);
    for (let p = 0; p < phases; p++) {
      const frac = p / phases;
      let sum = 0;
      for (let k = 0; k < taps; k++) {
        // Tap k multiplies x[pos - half + 1 + k]; its distance from the output instant:
        const d = frac + half - 1 - k;
        const x = Math.PI * cutoff * d;
        const sinc = x === 0 ? 1 : Math.sin(x) / x;
        const v = cutoff * sinc * kaiserAt(d / half, beta, i0b);
        table[p * taps + k] = v;
        sum += v;
      }
      // Unit gain at DC for every phase, so slow drifts in the phase do not ripple the level.
      for (let k = 0; k < taps; k++) table[p * taps + k] = table[p * taps + k]! / sum;
    }
    return table;
  }

  /** Feeds input samples and returns the output samples that are now complete. */
  push(input: Float32Array): Float32Array {
    if (this.flushed) throw new Error('Resampler already flushed');
    this.inputCount += input.length;
    if (this.taps === 0) {
      this.outputCount += input.length;
      return input.slice();
    }
    this.append(input);
    return this.run(Infinity);
  }

  /** Ends the stream: pads with silence and returns the remaining outputs. */
  flush(): Float32Array {
    if (this.flushed) return new Float32Array(0);
    this.flushed = true;
    if (this.taps === 0) return new Float32Array(0);
    this.append(new Float32Array(this.half + 1));
    // Total output length: ceil(inputs * up / down).
    const total = Math.ceil((this.inputCount * this.up) / this.down);
    return this.run(total - this.outputCount);
  }

  private append(input: Float32Array): void {
    const need = this.bufLen + input.length;
    if (need > this.buf.length) {
      const grown = new Float32Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.bufLen));
      this.buf = grown;
    }
    this.buf.set(input, this.bufLen);
    this.bufLen = need;
  }

  private run(limit: number): Float32Array {
    const { half, taps, up, down, phases, table } = this;
    const buf = this.buf;
    const lastIndex = this.bufStart + this.bufLen - 1;
    // Outputs possible now: those whose last tap (pos + half) is buffered.
    let count = 0;
    {
      let pos = this.pos;
      let frac = this.frac;
      const step = Math.floor(down / up);
      const stepFrac = down % up;
      while (pos + half + 1 <= lastIndex && count < limit) {
        count++;
        pos += step;
        frac += stepFrac;
        if (frac >= up) {
          frac -= up;
          pos++;
        }
      }
    }
    const out = new Float32Array(count);
    const step = Math.floor(down / up);
    const stepFrac = down % up;
    let pos = this.pos;
    let frac = this.frac;
    const quantised = phases !== up;
    if (up === 1) {
      this.runIntegerDecimation(out, count, pos);
      pos += count * down;
    }
    for (let n = 0; up !== 1 && n < count; n++) {
      let p = frac;
      let base = pos - half + 1 - this.bufStart;
      if (quantised) {
        p = Math.round((frac * phases) / up);
        if (p === phases) {
          p = 0;
          base++;
        }
      }
      const c = p * taps;
      // Four independent accumulators let the CPU overlap the multiply-adds (taps is even).
      let a0 = 0;
      let a1 = 0;
      let k = 0;
      for (; k + 3 < taps; k += 4) {
        a0 += table[c + k]! * buf[base + k]! + table[c + k + 2]! * buf[base + k + 2]!;
        a1 += table[c + k + 1]! * buf[base + k + 1]! + table[c + k + 3]! * buf[base + k + 3]!;
      }
      for (; k < taps; k++) a0 += table[c + k]! * buf[base + k]!;
      out[n] = a0 + a1;
      pos += step;
      frac += stepFrac;
      if (frac >= up) {
        frac -= up;
        pos++;
      }
    }
    this.pos = pos;
    this.frac = frac;
    this.outputCount += count;
    // Drop input no future output can reach.
    const keepFrom = Math.min(pos - half + 1 - this.bufStart, this.bufLen);
    if (keepFrom > 0) {
      buf.copyWithin(0, keepFrom, this.bufLen);
      this.bufLen -= keepFrom;
      this.bufStart += keepFrom;
    }
    return out;
  }

  /**
   * Integer decimation (48k, 96k, 32k -> 16k) uses one phase whose kernel is symmetric about the
   * output instant, so folding the two halves halves the multiplies on the most common path.
   */
  private runIntegerDecimation(out: Float32Array, count: number, startPos: number): void {
    const { half, down, table } = this;
    const buf = this.buf;
    const mid = table[half - 1]!;
    for (let n = 0, c = startPos - this.bufStart; n < count; n++, c += down) {
      let a0 = mid * buf[c]!;
      let a1 = 0;
      let j = 1;
      for (; j + 1 < half; j += 2) {
        a0 += table[half - 1 + j]! * (buf[c - j]! + buf[c + j]!);
        a1 += table[half + j]! * (buf[c - j - 1]! + buf[c + j + 1]!);
      }
      for (; j < half; j++) a0 += table[half - 1 + j]! * (buf[c - j]! + buf[c + j]!);
      out[n] = a0 + a1;
    }
  }
}

/** Resamples a whole signal in one call. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const r = new Resampler(fromRate, toRate);
  const a = r.push(input);
  const b = r.flush();
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
