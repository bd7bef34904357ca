/** Biquad coefficients (a0 normalised to 1). */
interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** A biquad filter whose state carries over from one block of samples to the next. */
class BiquadState {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;
  constructor(private readonly f: Biquad) {}

  /** Filters x into y (same length; y may be x itself). */
  run(x: Float32Array, y: Float32Array): Float32Array {
    const { f } = this;
    for (let i = 0; i < x.length; i++) {
      const v = f.b0 * x[i]! + f.b1 * this.x1 + f.b2 * this.x2 - f.a1 * this.y1 - f.a2 * this.y2;
      this.x2 = this.x1;
      this.x1 = x[i]!;
      this.y2 = this.y1;
      this.y1 = v;
      y[i] = v;
    }
    return y;
  }
}

// BS.1770 K-weighting designed for any rate from its analogue prototype (the standard only tabulates
// 48 kHz): a +4 dB shelf above ~1.7 kHz, then a ~38 Hz high-pass.
function shelf(fs: number): Biquad {
  const f0 = 1681.974450955533;
  const g = 3.999843853973347;
  const q = 0.7071752369554196;
  const k = Math.tan((Math.PI * f0) / fs);
  const vh = Math.pow(10, g / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  const a0 = 1 + k / q + k * k;
  return {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
}

function highpass(fs: number): Biquad {
  const f0 = 38.13547087602444;
  const q = 0.5003270373238773;
  const k = Math.tan((Math.PI * f0) / fs);
  const a0 = 1 + k / q + k * k;
  return {
    b0: 1 / a0,
    b1: -2 / a0,
    b2: 1 / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
}

/** Samples filtered at a time (the filter state carries over, so the piece size changes nothing). */
const SCRATCH = 1 << 16;

/**
 * Integrated loudness (LUFS, BS.1770-style with absolute and relative gating) of mono audio.
 * Approximate: computed on the 16 kHz mono mix, so stereo weighting and >8 kHz content are lost.
 * Returns -Infinity for silence.
 */
export function integratedLoudness(samples: Float32Array, sampleRate: number): number {
  const meter = new LoudnessMeter(sampleRate);
  meter.push(samples);
  return meter.result();
}

/**
 * Integrated loudness over audio pushed block by block (same result as one push of everything): the
 * K-weighting filters keep their state, and energy is kept per 100 ms hop (four make a 400 ms block).
 */
export class LoudnessMeter {
  private readonly shelf: BiquadState;
  private readonly highpass: BiquadState;
  private readonly hop: number;
  /** Energy of each complete 100 ms hop so far. */
  private readonly hopEnergy: number[] = [];
  private partialEnergy = 0;
  private readonly scratch = new Float32Array(SCRATCH);
  private partialCount = 0;
  private total = 0;
  private totalEnergy = 0;

  constructor(private readonly sampleRate: number) {
    this.shelf = new BiquadState(shelf(sampleRate));
    this.highpass = new BiquadState(highpass(sampleRate));
    this.hop = Math.round(0.1 * sampleRate);
  }

  push(samples: Float32Array): void {
    // Filtered a piece at a time into one scratch buffer, so a 5-minute block costs no 19 MB copies.
    for (let at = 0; at < samples.length; at += SCRATCH) {
      const x = samples.subarray(at, at + SCRATCH);
      const y = this.scratch.subarray(0, x.length);
      this.highpass.run(this.shelf.run(x, y), y);
      this.accumulate(y);
    }
  }

  private accumulate(y: Float32Array): void {
    for (let i = 0; i < y.length; i++) {
      const e = y[i]! * y[i]!;
      this.partialEnergy += e;
      this.totalEnergy += e;
      if (++this.partialCount === this.hop) {
        this.hopEnergy.push(this.partialEnergy);
        this.partialEnergy = 0;
        this.partialCount = 0;
      }
    }
    this.total += y.length;
  }

  result(): number {
    const block = Math.round(0.4 * this.sampleRate);
    const perBlock = Math.round(block / this.hop);
    const powers: number[] = [];
    for (let s = 0; s + perBlock <= this.hopEnergy.length; s++) {
      let e = 0;
      for (let k = s; k < s + perBlock; k++) e += this.hopEnergy[k]!;
      powers.push(e / block);
    }
    if (powers.length === 0 && this.total > 0) powers.push(this.totalEnergy / this.total);
    return gatedLoudness(powers);
  }
}

function gatedLoudness(powers: readonly number[]): number {
  const lufs = (p: number) => -0.691 + 10 * Math.log10(p);
  const gated = powers.filter((p) => lufs(p) > -70);
  if (gated.length === 0) return -Infinity;
  const mean = gated.reduce((a, b) => a + b, 0) / gated.length;
  const rel = lufs(mean) - 10;
  const final = gated.filter((p) => lufs(p) > rel);
  return lufs(final.reduce((a, b) => a + b, 0) / final.length);
}
