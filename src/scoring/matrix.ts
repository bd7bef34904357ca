// Row-major embedding matrices: one contiguous Float32Array so dot products stay in cache and V8
// keeps the loops monomorphic.
import { scoringError } from './errors.js';

/** rows x dim, row-major; rows are L2-normalised so a dot product is a cosine. */
export interface EmbeddingMatrix {
  readonly rows: number;
  readonly dim: number;
  readonly data: Float32Array;
}

/** Packs vectors into a matrix, L2-normalising each row (zero vectors stay zero). */
export function packEmbeddings(vectors: readonly Float32Array[], dim?: number): EmbeddingMatrix {
  const d = dim ?? vectors[0]?.length ?? 0;
  const data = new Float32Array(vectors.length * d);
  vectors.forEach((v, r) => {
    if (v.length !== d)
      throw scoringError(
        'SCORING_DIM_MISMATCH',
        `Embedding ${r} has ${v.length} dims, expected ${d}`,
      );
    let s = 0;
    for (let i = 0; i < d; i++) s += (v[i] ?? 0) * (v[i] ?? 0);
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let i = 0; i < d; i++) data[r * d + i] = (v[i] ?? 0) * inv;
  });
  return { rows: vectors.length, dim: d, data };
}

/** Dot product of row r of m with the vector stored at offset `off` of `v` (length m.dim). */
export function dotRow(m: EmbeddingMatrix, r: number, v: Float32Array, off = 0): number {
  const d = m.dim;
  const a = m.data;
  const base = r * d;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  // Four accumulators let the CPU overlap the multiply-adds.
  for (; i + 3 < d; i += 4) {
    s0 += (a[base + i] as number) * (v[off + i] as number);
    s1 += (a[base + i + 1] as number) * (v[off + i + 1] as number);
    s2 += (a[base + i + 2] as number) * (v[off + i + 2] as number);
    s3 += (a[base + i + 3] as number) * (v[off + i + 3] as number);
  }
  for (; i < d; i++) s0 += (a[base + i] as number) * (v[off + i] as number);
  return s0 + s1 + s2 + s3;
}

/** All rows of `a` against all rows of `b`: an a.rows x b.rows matrix of dot products. */
export function dotAll(a: EmbeddingMatrix, b: EmbeddingMatrix): Float32Array {
  if (a.dim !== b.dim)
    throw scoringError('SCORING_DIM_MISMATCH', `Embedding sizes differ: ${a.dim} vs ${b.dim}`);
  const out = new Float32Array(a.rows * b.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.rows; j++) out[i * b.rows + j] = dotRow(b, j, a.data, i * a.dim);
  }
  return out;
}
