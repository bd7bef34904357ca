// Seeded PRNG (mulberry32) and Gaussian draws, so random tests are reproducible.
import { mulberry32 } from '../../../src/core/prng.js';

export const rng = mulberry32;

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
