/**
 * Real FFT for power-of-two sizes, written for the fbank hot path: twiddles and the bit-reversal
 * permutation are computed once per size, and each call reuses caller-owned buffers so a long
 * file allocates nothing per frame.
 *
 * The complex FFT is radix-2 decimation in time, but two stages at a time: the first pass does the
 * twiddle-free stages of sizes 2 and 4 while reading the input in bit-reversed order, and each later
 * pass does a pair of stages (sizes 2q and 4q) on four values held in registers, so the arrays are
 * walked half as often. The arithmetic is that of plain radix-2, stage by stage.
 */
export class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly bitrev: Uint16Array | Uint32Array;
  /** Per fused pass q: twiddles of the size-2q stage (j < q) and of the size-4q stage (j < q). */
  private readonly passes: { q: number; c2: Float64Array; s2: Float64Array; c4: Float64Array; s4: Float64Array }[];
  /** Twiddles of a last single radix-2 stage (size = half), when log2(half) is odd. */
  private readonly last: { c: Float64Array; s: Float64Array } | null;
  private readonly postCos: Float64Array;
  private readonly postSin: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 8 || (size & (size - 1)) !== 0) {
      throw new RangeError(`FFT size must be a power of two >= 8, got ${size}`);
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
    this.passes = [];
    let q = 4;
    for (; 4 * q <= half; q <<= 2) {
      const [c2, s2] = twiddles(2 * q, q);
      const [c4, s4] = twiddles(4 * q, q);
      this.passes.push({ q, c2, s2, c4, s4 });
    }
    if (q < half) {
      const [c, s] = twiddles(half, half >> 1);
      this.last = { c, s };
    } else this.last = null;
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
    this.firstPass(input);
    for (const p of this.passes) fusedPass(re, im, half, p.q, p.c2, p.s2, p.c4, p.s4);
    if (this.last) lastStage(re, im, half, this.last.c, this.last.s);
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

  /** Bit-reversed load of (even, odd) pairs fused with the stages of sizes 2 and 4 (twiddles 1 and -i). */
  private firstPass(input: Float64Array): void {
    const re = this.re;
    const im = this.im;
    const rev = this.bitrev;
    for (let a = 0; a < this.half; a += 4) {
      const p0 = 2 * rev[a]!;
      const p1 = 2 * rev[a + 1]!;
      const p2 = 2 * rev[a + 2]!;
      const p3 = 2 * rev[a + 3]!;
      const r0 = input[p0]!;
      const i0 = input[p0 + 1]!;
      const r1 = input[p1]!;
      const i1 = input[p1 + 1]!;
      const r2 = input[p2]!;
      const i2 = input[p2 + 1]!;
      const r3 = input[p3]!;
      const i3 = input[p3 + 1]!;
      const s0r = r0 + r1;
      const s0i = i0 + i1;
      const d0r = r0 - r1;
      const d0i = i0 - i1;
      const s1r = r2 + r3;
      const s1i = i2 + i3;
      const d1r = r2 - r3;
      const d1i = i2 - i3;
      re[a] = s0r + s1r;
      im[a] = s0i + s1i;
      re[a + 2] = s0r - s1r;
      im[a + 2] = s0i - s1i;
      // d1 * (-i) = (d1i, -d1r)
      re[a + 1] = d0r + d1i;
      im[a + 1] = d0i - d1r;
      re[a + 3] = d0r - d1i;
      im[a + 3] = d0i + d1r;
    }
  }
}

/** cos and -sin of 2 pi j / n for j < count. */
function twiddles(n: number, count: number): [Float64Array, Float64Array] {
  const c = new Float64Array(count);
  const s = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    c[j] = Math.cos((2 * Math.PI * j) / n);
    s[j] = -Math.sin((2 * Math.PI * j) / n);
  }
  return [c, s];
}

/**
 * Stages of sizes 2q and 4q in one walk: for each j < q the four values at j, j+q, j+2q, j+3q of a
 * block of 4q go through the size-2q butterflies (twiddle W_2q^j) and then the size-4q ones (W_4q^j
 * and W_4q^(j+q) = -i W_4q^j).
 */
function fusedPass(re: Float64Array, im: Float64Array, n: number, q: number, c2: Float64Array, s2: Float64Array, c4: Float64Array, s4: Float64Array): void {
  const block = q << 2;
  for (let start = 0; start < n; start += block) {
    for (let j = 0; j < q; j++) {
      const a0 = start + j;
      const a1 = a0 + q;
      const a2 = a1 + q;
      const a3 = a2 + q;
      const w2r = c2[j]!;
      const w2i = s2[j]!;
      const x1r = re[a1]!;
      const x1i = im[a1]!;
      const x3r = re[a3]!;
      const x3i = im[a3]!;
      const t1r = x1r * w2r - x1i * w2i;
      const t1i = x1r * w2i + x1i * w2r;
      const t3r = x3r * w2r - x3i * w2i;
      const t3i = x3r * w2i + x3i * w2r;
      const x0r = re[a0]!;
      const x0i = im[a0]!;
      const x2r = re[a2]!;
      const x2i = im[a2]!;
      const y0r = x0r + t1r;
      const y0i = x0i + t1i;
      const y1r = x0r - t1r;
      const y1i = x0i - t1i;
      const y2r = x2r + t3r;
      const y2i = x2i + t3i;
      const y3r = x2r - t3r;
      const y3i = x2i - t3i;
      const w4r = c4[j]!;
      const w4i = s4[j]!;
      const ur = y2r * w4r - y2i * w4i;
      const ui = y2r * w4i + y2i * w4r;
      // v = -i * W_4q^j * y3
      const vr = y3r * w4i + y3i * w4r;
      const vi = -(y3r * w4r - y3i * w4i);
      re[a0] = y0r + ur;
      im[a0] = y0i + ui;
      re[a2] = y0r - ur;
      im[a2] = y0i - ui;
      re[a1] = y1r + vr;
      im[a1] = y1i + vi;
      re[a3] = y1r - vr;
      im[a3] = y1i - vi;
    }
  }
}

/** The last radix-2 stage (size n) when the stages do not pair up. */
function lastStage(re: Float64Array, im: Float64Array, n: number, c: Float64Array, s: Float64Array): void {
  const h = n >> 1;
  for (let j = 0; j < h; j++) {
    const wr = c[j]!;
    const wi = s[j]!;
    const b = j + h;
    const br = re[b]!;
    const bi = im[b]!;
    const xr = br * wr - bi * wi;
    const xi = br * wi + bi * wr;
    const ar = re[j]!;
    const ai = im[j]!;
    re[b] = ar - xr;
    im[b] = ai - xi;
    re[j] = ar + xr;
    im[j] = ai + xi;
  }
}
