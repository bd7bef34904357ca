/** Biquad coefficients (a0 normalised to 1). */
interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

function runBiquad(x: Float32Array, f: Biquad): Float32Array {
  const y = new Float32Array(x.length);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = f.b0 * x[i]! + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
    x2 = x1;
    x1 = x[i]!;
    y2 = y1;
    y1 = v;
    y[i] = v;
  }
  return y;
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

/**
 * Integrated loudness (LUFS, BS.1770-style with absolute and relative gating) of mono audio.
 * Approximate: computed on the 16 kHz mono mix, so stereo weighting and >8 kHz content are lost.
 * Returns -Infinity for silence.
 */
export function integratedLoudness(samples: Float32Array, sampleRate: number): number {
  const y = runBiquad(runBiquad(samples, shelf(sampleRate)), highpass(sampleRate));
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  const powers: number[] = [];
  for (let s = 0; s + block <= y.length; s += hop) {
    let e = 0;
    for (let i = s; i < s + block; i++) e += y[i]! * y[i]!;
    powers.push(e / block);
  }
  if (powers.length === 0 && y.length > 0) powers.push(y.reduce((a, v) => a + v * v, 0) / y.length);
  const lufs = (p: number) => -0.691 + 10 * Math.log10(p);
  const gated = powers.filter((p) => lufs(p) > -70);
  if (gated.length === 0) return -Infinity;
  const mean = gated.reduce((a, b) => a + b, 0) / gated.length;
  const rel = lufs(mean) - 10;
  const final = gated.filter((p) => lufs(p) > rel);
  return lufs(final.reduce((a, b) => a + b, 0) / final.length);
}
