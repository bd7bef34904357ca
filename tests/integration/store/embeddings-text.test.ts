import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { findEmbedding, float32Text, saveEmbedding } from '../../../src/store/embeddings.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import type { CoreContext } from '../../../src/core/context.js';
import { freshDataDir } from '../../helpers/paths.js';

let ctx: CoreContext | undefined;
afterEach(() => {
  if (!ctx) return;
  closeCore(ctx);
  fs.rmSync(ctx.dataDir, { recursive: true, force: true });
  ctx = undefined;
});

/** Float32 values over the whole range: every exponent, both signs, subnormals, and random mantissas. */
function awkwardFloats(n: number): Float32Array {
  const bits = new Uint32Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const exponent = i % 255; // 0 = subnormal, never 255 (NaN/Infinity are refused before storage)
    bits[i] = ((i & 1) << 31) | (exponent << 23) | (s & 0x7fffff);
  }
  return new Float32Array(bits.buffer);
}

describe('window embeddings stored as text', () => {
  it('nine significant digits read back as exactly the same float32, over every exponent', () => {
    const xs = awkwardFloats(200_000);
    const back = Float32Array.from(xs, (x) => Number(JSON.parse(JSON.stringify(float32Text(x)))));
    expect(Buffer.from(back.buffer).equals(Buffer.from(xs.buffer))).toBe(true);
  });

  it('a saved file embedding is found again bit for bit, in fewer characters than doubles take', () => {
    ctx = openCore(freshDataDir('seimon-emb-text'), 'test');
    const dim = 192;
    const all = awkwardFloats(50 * dim);
    const windows = Array.from({ length: 50 }, (_, i) => ({ start: i * 1.5, end: i * 1.5 + 3, embedding: all.slice(i * dim, (i + 1) * dim) }));
    const vector = all.slice(0, dim);
    saveEmbedding(ctx.db, { fileSha256: 'f'.repeat(64), modelSha256: 'm'.repeat(64), hopSeconds: 1.5, modelId: 'test-model', dim, vector, windows, speechSeconds: 76.5 });
    const found = findEmbedding(ctx.db, 'f'.repeat(64), 'm'.repeat(64), 1.5);
    expect(found?.windows).toHaveLength(50);
    found!.windows.forEach((w, i) => {
      expect(w.start).toBe(windows[i]!.start);
      expect(w.end).toBe(windows[i]!.end);
      expect(Buffer.from(w.embedding.buffer, w.embedding.byteOffset, w.embedding.byteLength).equals(Buffer.from(windows[i]!.embedding.buffer))).toBe(true);
    });
    const text = (ctx.db.prepare('SELECT windows FROM embeddings').get() as { windows: string }).windows;
    const asDoubles = JSON.stringify(windows.map((w) => ({ start: w.start, end: w.end, e: Array.from(w.embedding) })));
    expect(text.length).toBeLessThan(asDoubles.length * 0.75);
  });
});
