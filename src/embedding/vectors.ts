/** Returns a unit-length copy of v (a zero vector stays zero). */
export function l2Normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] ?? 0) * (v[i] ?? 0);
  const n = Math.sqrt(s);
  const out = new Float32Array(v.length);
  if (n === 0) return out;
  for (let i = 0; i < v.length; i++) out[i] = (v[i] ?? 0) / n;
  return out;
}

/** Cosine similarity of two vectors of the same length. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new Error(`Embedding sizes differ: ${a.length} vs ${b.length}`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * The mean of L2-normalised embeddings, normalised again: how a clip (from its windows) and a
 * performer's voiceprint (from all windows of all references) are summarised.
 */
export function meanOfNormalized(vectors: readonly Float32Array[]): Float32Array {
  const first = vectors[0];
  if (!first) throw new Error('No embeddings to aggregate');
  const sum = new Float32Array(first.length);
  for (const v of vectors) {
    const u = l2Normalize(v);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) + (u[i] ?? 0);
  }
  return l2Normalize(sum);
}
