/** Seeded PRNG (mulberry32) and Gaussian draws, so random tests are reproducible. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller. */
export function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** n draws of N(mean, sd). */
export function normals(rand: () => number, n: number, mean: number, sd: number): number[] {
  const g = gaussian(rand);
  return Array.from({ length: n }, () => mean + sd * g());
}

/** A random unit vector. */
export function unitVector(rand: () => number, dim: number): Float32Array {
  const g = gaussian(rand);
  const v = Float32Array.from({ length: dim }, () => g());
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}
