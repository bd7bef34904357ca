/**
 * The starter model through the real worker pool: windows embedded together (one fbank over the
 * chunk, equal-length windows in one batched ONNX run) equal each window embedded on its own.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Embedder } from '../../../src/embedding/embedder.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const model = {
  id: 'seimon-starter-v2',
  sha256: 'not checked here',
  path: path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx'),
  preset: '3dspeaker' as const,
  inputName: 'feats',
  outputName: 'embs',
  windowSeconds: 3,
  hopSeconds: 1.5,
};

/** A voiced-like test signal: a few harmonics with a wandering pitch and noise. */
function signal(seconds: number): Float32Array {
  let s = 7;
  return Float32Array.from({ length: seconds * 16000 }, (_, i) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    const t = i / 16000;
    const f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
    return 0.2 * Math.sin(2 * Math.PI * f0 * t) + 0.1 * Math.sin(4 * Math.PI * f0 * t) + 0.05 * (s / 2147483648 - 0.5);
  });
}

const embedder = new Embedder(model, { workers: 2, intraOpThreads: 1 });
afterAll(() => embedder.close());

describe('batched windows with the starter model', () => {
  it('give the same embeddings as one window at a time (within 1e-5)', async () => {
    const audio = signal(14);
    const clip = await embedder.embed(audio, [{ start: 0, end: 14 }]);
    expect(clip.windows.length).toBe(9);
    let worst = 0;
    for (const w of clip.windows) {
      const from = Math.round(w.start * 16000);
      const alone = await embedder.embed(audio.subarray(from, from + 48000), [{ start: 0, end: 3 }]);
      expect(alone.windows).toHaveLength(1);
      const a = alone.windows[0]!.embedding;
      expect(a).toHaveLength(192);
      for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - w.embedding[i]!));
    }
    expect(worst).toBeLessThan(1e-5);
  });
});
