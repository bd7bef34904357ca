import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Embedder } from '../../../src/embedding/embedder.js';
import { InferencePool } from '../../../src/embedding/pool.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const MODEL = path.join(REPO_ROOT, 'fixtures', 'models', 'good-3dspeaker.onnx');
const NAN_MODEL = path.join(REPO_ROOT, 'fixtures', 'models', 'nan-output.onnx');
const ref = { id: 'fixture', sha256: 'x', path: MODEL, preset: '3dspeaker' as const, inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

function noise(seconds: number, seed = 1): Float32Array {
  let s = seed;
  return Float32Array.from({ length: seconds * 16000 }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

describe('ONNX inference pool (real onnxruntime-node in worker threads)', () => {
  it('embeds windows in batches, reports progress, and gives the same result as one window at a time', async () => {
    const e = new Embedder(ref, { workers: 2, intraOpThreads: 1 });
    closers.push(() => e.close());
    const audio = noise(10);
    const progress: number[] = [];
    const clip = await e.embed(audio, [{ start: 0, end: 10 }], { onProgress: (d) => progress.push(d) });
    expect(clip.dim).toBe(16);
    expect(clip.windows).toHaveLength(6);
    expect(progress.at(-1)).toBe(6);
    // The window at 1.5-4.5 s embedded on its own matches the batched result.
    const alone = await e.embed(audio.subarray(1.5 * 16000, 4.5 * 16000), [{ start: 0, end: 3 }]);
    const batched = Array.from(clip.windows[1]?.embedding ?? []);
    const single = Array.from(alone.windows[0]?.embedding ?? []);
    expect(single).toHaveLength(16);
    batched.forEach((v, i) => expect(v).toBeCloseTo(single[i] ?? NaN, 4));
  });

  it('refuses audio without enough speech with AUDIO_NO_SPEECH', async () => {
    const e = new Embedder(ref, { workers: 1 });
    closers.push(() => e.close());
    await expect(e.embed(noise(2), [{ start: 0, end: 0.2 }])).rejects.toMatchObject({ code: 'AUDIO_NO_SPEECH' });
  });

  it('reports NaN output from a model as MODEL_NAN_OUTPUT', async () => {
    const pool = new InferencePool({ modelPath: NAN_MODEL, inputName: 'feats', outputName: 'embs', workers: 1 });
    closers.push(() => pool.close());
    await expect(pool.run(new Float32Array(2 * 50 * 80).fill(-1), 2, 50, 80)).rejects.toMatchObject({ code: 'MODEL_NAN_OUTPUT' });
  });

  it('fails only the batch of a worker that crashes, then recovers', async () => {
    process.env.SEIMON_TEST_HOOKS = '1';
    const pool = new InferencePool({ modelPath: MODEL, inputName: 'feats', outputName: 'embs', workers: 1 });
    delete process.env.SEIMON_TEST_HOOKS;
    closers.push(() => pool.close());
    await pool.ready();
    const crash = pool.run(new Float32Array(3 * 50 * 80), 3, 50, 80, { crashForTest: true });
    const after = pool.run(new Float32Array(2 * 50 * 80).fill(0.5), 2, 50, 80);
    await expect(crash).rejects.toMatchObject({ code: 'MODEL_WORKER_CRASHED' });
    await expect(crash).rejects.toThrow(/3 windows/);
    const ok = await after;
    expect(ok.dim).toBe(16);
    expect(pool.size).toBe(1);
  });

  it('reports a model that cannot be loaded as MODEL_LOAD_FAILED', async () => {
    const pool = new InferencePool({ modelPath: path.join(REPO_ROOT, 'package.json'), inputName: 'feats', outputName: 'embs', workers: 1 });
    closers.push(() => pool.close());
    await expect(pool.ready()).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
  });

  it('closes safely while workers are still building their sessions or running a batch', async () => {
    // Stopping a thread inside ONNX Runtime aborts the whole process (this test file would die with it).
    const starter = { ...ref, path: path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx') };
    for (let i = 0; i < 4; i++) {
      const e = new Embedder(starter, { workers: 2, intraOpThreads: 1 });
      await new Promise((r) => setTimeout(r, i * 60));
      await e.close();
    }
    const e = new Embedder(starter, { workers: 1, intraOpThreads: 1 });
    await e.ready();
    const running = e.embed(noise(20), [{ start: 0, end: 20 }]);
    await new Promise((r) => setTimeout(r, 20));
    await e.close();
    // The batch in flight finishes or fails cleanly; either way the process is still here.
    await running.then(
      (clip) => expect(clip.windows.length).toBeGreaterThan(0),
      (err: unknown) => expect(err).toMatchObject({ code: 'MODEL_POOL_CLOSED' }),
    );
  });

  it('can be cancelled', async () => {
    const e = new Embedder(ref, { workers: 1 });
    closers.push(() => e.close());
    const ac = new AbortController();
    ac.abort();
    await expect(e.embed(noise(10), [{ start: 0, end: 10 }], { signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
