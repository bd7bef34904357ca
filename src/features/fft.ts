/**
 * Real FFT for power-of-two sizes, written for the fbank hot path: twiddles and the bit-reversal
 * permutation are computed once per size, and each call reuses caller-owned buffers so a long
 * file allocates nothing per frame.
 */
export class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly bitrev: Uint16Array | Uint32Array;
  private readonly cosTable: Float64Array;
  private readonly sinTable: Float64Array;
  private readonly postCos: Float64Array;
  private readonly postSin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 4 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two >= 4, got ${size}`);
    }
    this.size = size;
    // A real FFT of N is one complex FFT of N/2 over (even, odd) pairs plus a post-twiddle pass.
    const half = size >> 1;
    this.half = half;
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);
    const bits = Math.log2(half);
    this.bitrev = half <= 65536 ? new Uint16Array(half) : new Uint32Array(half);
    for (let i = 0; i < half; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitrev[i] = r;
    }
    this.cosTable = new Float64Array(half >> 1);
    this.sinTable = new Float64Array(half >> 1);
    for (let i = 0; i < half >> 1; i++) {
      this.cosTable[i] = Math.cos((2 * Math.PI * i) / half);
      this.sinTable[i] = -Math.sin((2 * Math.PI * i) / half);
    }
    this.postCos = new Float64Array(half + 1);
    this.postSin = new Float64Array(half + 1);
    for (let k = 0; k <= half; k++) {
      this.postCos[k] = Math.cos((2 * Math.PI * k) / size);
      this.postSin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
  }

  /**
   * Writes |X[k]|^2 for k = 0..size/2 into `power` (length >= size/2 + 1).
   * `input` holds `size` real samples (zero-padded by the caller).
   */
  powerSpectrum(input: Float64Array, power: Float64Array): void {
    const half = this.half;
    const re = this.re;
    const im = this.im;
    const bitrev = this.bitrev;
    for (let i = 0; i < half; i++) {
      const j = bitrev[i]!;
      re[j] = input[2 * i]!;
      im[j] = input[2 * i + 1]!;
    }
    this.complexInPlace(re, im);
    // Split the packed spectrum Z into the spectrum of the real signal:
    // X[k] = (Z[k] + conj Z[h-k]) / 2 - i W^k (Z[k] - conj Z[h-k]) / 2.
    const z0r = re[0]!;
    const z0i = im[0]!;
    power[0] = (z0r + z0i) * (z0r + z0i);
    power[half] = (z0r - z0i) * (z0r - z0i);
    const postCos = this.postCos;
    const postSin = this.postSin;
    for (let k = 1; k < half; k++) {
      const ar = re[k]!;
      const ai = im[k]!;
      const br = re[half - k]!;
      const bi = -im[half - k]!;
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      const dr = 0.5 * (ar - br);
      const di = 0.5 * (ai - bi);
      const wr = postCos[k]!;
      const wi = postSin[k]!;
      // -i * W * D
      const tr = wr * dr - wi * di;
      const ti = wr * di + wi * dr;
      const xr = er + ti;
      const xi = ei - tr;
      power[k] = xr * xr + xi * xi;
    }
  }

  /** Iterative radix-2 decimation-in-time FFT on bit-reversed input. */
  private complexInPlace(re: Float64Array, im: Float64Array): void {
    const n = this.half;
    const cosT = this.cosTable;
    const sinT = this.sinTable;
    for (let size = 2; size <= n; size <<= 1) {
      const halfSize = size >> 1;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let j = 0, t = 0; j < halfSize; j++, t += step) {
          const wr = cosT[t]!;
          const wi = sinT[t]!;
          const a = start + j;
          const b = a + halfSize;
          const br = re[b]!;
          const bi = im[b]!;
          const xr = br * wr - bi * wi;
          const xi = br * wi + bi * wr;
          const ar = re[a]!;
          const ai = im[a]!;
          re[b] = ar - xr;
          im[b] = ai - xi;
          re[a] = ar + xr;
          im[a] = ai + xi;
        }
      }
    }
  }
}
