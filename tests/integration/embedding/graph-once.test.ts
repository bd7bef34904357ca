/**
 * The Conv1d -> Conv2d rewrite and its probe run once per pool, in its first worker; every other
 * worker (and any replacement) loads the graph that worker settled on, with one session. Real ONNX
 * Runtime in real worker threads: the probe count is what the workers report, not a mock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Embedder } from '../../../src/embedding/embedder.js';
import { InferencePool } from '../../../src/embedding/pool.js';
import { buildOnnxModel } from '../../../scripts/bench/onnx-build.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const STARTER = path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');
const io = { inputName: 'feats', outputName: 'embs' };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
  delete process.env.SEIMON_TEST_HOOKS;
});

function pool(opts: Partial<ConstructorParameters<typeof InferencePool>[0]> & { workers: number }): InferencePool {
  const p = new InferencePool({ modelPath: STARTER, ...io, intraOpThreads: 1, ...opts });
  closers.push(() => p.close());
  return p;
}

/** A Conv1d model whose rewrite is accepted but whose input bins are not fixed, so it cannot be probed. */
function unprobeableModel(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-graph-'));
  closers.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'symbolic-bins.onnx');
  const w = Float32Array.from({ length: 4 * 6 * 3 }, (_, i) => Math.sin(i * 0.37) * 0.3);
  fs.writeFileSync(
    file,
    buildOnnxModel({
      inputs: [{ name: 'feats', dims: ['batch', 'frames', 'bins'] }],
      outputs: [{ name: 'embs', dims: ['batch', 4] }],
      initializers: [{ name: 'w', dims: [4, 6, 3], data: w }],
      nodes: [
        { op: 'Transpose', inputs: ['feats'], outputs: ['x'], attrs: { perm: [0, 2, 1] } },
        { op: 'Conv', inputs: ['x', 'w'], outputs: ['c'], attrs: { kernel_shape: [3], pads: [1, 1] } },
        { op: 'Relu', inputs: ['c'], outputs: ['r'] },
        { op: 'ReduceMax', inputs: ['r'], outputs: ['embs'], attrs: { axes: [-1], keepdims: 0 } },
      ],
    }),
  );
  return file;
}

/** Runs `n` batches at once, so each free worker takes one. */
async function runEach(p: InferencePool, n: number, bins: number): Promise<Float32Array[]> {
  const rs = await Promise.all(Array.from({ length: n }, (_, k) => p.run(Float32Array.from({ length: 2 * 120 * bins }, (_, i) => Math.sin(i * 0.013 + k)), 2, 120, bins)));
  return rs.map((r) => r.embeddings);
}

describe('the graph rewrite is checked once per pool', () => {
  it('probes once whatever the worker count, and every worker runs the same checked graph', async () => {
    for (const workers of [1, 3]) {
      const p = pool({ workers });
      await p.ready();
      expect(p.graphProbes).toBe(1);
      expect(p.workerGraphs).toHaveLength(workers);
      expect(new Set(p.workerGraphs).size).toBe(1);
      expect(p.workerGraphs[0]).toMatch(/^Conv1d as Conv2d \(19 layers, probe max relative difference/);
    }
    // Every worker's output agrees with the stored graph's (the rewrite is exact up to rounding).
    const rewritten = pool({ workers: 3 });
    // Without the rewrite nothing is decided: every worker loads the stored graph (with several
    // workers too; they once waited for a decision that never came).
    const stored = pool({ workers: 3, rewriteGraph: false });
    await Promise.all([rewritten.ready(), stored.ready()]);
    expect(stored.graphProbes).toBe(0);
    expect(stored.workerGraphs).toEqual(['as stored', 'as stored', 'as stored']);
    const [a, b] = [await runEach(rewritten, 3, 80), await runEach(stored, 3, 80)];
    a.forEach((x, k) => x.forEach((v, i) => expect(Math.abs(v - b[k]![i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(b[k]![i]!)))));
  });

  it('a worker that replaces a crashed one loads the checked graph without probing again', async () => {
    process.env.SEIMON_TEST_HOOKS = '1';
    const p = pool({ workers: 2 });
    await p.ready();
    const graph = p.graph;
    await expect(p.run(new Float32Array(1 * 50 * 80), 1, 50, 80, { crashForTest: true })).rejects.toMatchObject({ code: 'MODEL_WORKER_CRASHED' });
    await p.ready();
    expect(p.graphProbes).toBe(1);
    expect(p.workerGraphs).toEqual([graph, graph]);
    for (const e of await runEach(p, 2, 80)) expect(e).toHaveLength(2 * 192);
  });

  it('a rewrite that fails its probe falls back to the stored graph in every worker, with the reason', async () => {
    process.env.SEIMON_TEST_HOOKS = '1';
    // A negative tolerance: the real probe runs, and its (tiny) difference is judged too large.
    const p = pool({ workers: 3, probeToleranceForTest: -1 });
    await p.ready();
    expect(p.graphProbes).toBe(1);
    expect(new Set(p.workerGraphs).size).toBe(1);
    expect(p.workerGraphs[0]).toMatch(/^as stored \(rewrite differed by \d\.\de-\d+ on the probe\)$/);
    // The same through the Embedder, which states it and still embeds.
    const e = new Embedder(
      { id: 'starter', sha256: 'x', path: STARTER, preset: '3dspeaker', ...io, windowSeconds: 3, hopSeconds: 1.5 },
      { workers: 2, intraOpThreads: 1, probeToleranceForTest: -1 },
    );
    closers.push(() => e.close());
    await e.ready();
    expect(e.graph).toMatch(/^as stored \(rewrite differed by \d\.\de-\d+ on the probe\)$/);
    const audio = Float32Array.from({ length: 16000 * 5 }, (_, i) => 0.3 * Math.sin(i * 0.05) * Math.sin(i * 0.0007));
    const clip = await e.embed(audio, [{ start: 0, end: 5 }]);
    expect(clip.dim).toBe(192);
  });

  it('a model whose rewrite cannot be probed runs as stored in every worker, probed once', async () => {
    const file = unprobeableModel();
    const p = pool({ workers: 3, modelPath: file });
    await p.ready();
    expect(p.graphProbes).toBe(1);
    expect(p.workerGraphs).toEqual(Array(3).fill('as stored (input bins not fixed)'));
    for (const e of await runEach(p, 3, 6)) expect(e).toHaveLength(2 * 4);
    // From verified bytes alone (as the app opens models): the waiting workers get the stored bytes.
    const fromBytes = pool({ workers: 2, modelPath: '(verified bytes)', modelBytes: new Uint8Array(fs.readFileSync(file)) });
    await fromBytes.ready();
    expect(fromBytes.workerGraphs).toEqual(Array(2).fill('as stored (input bins not fixed)'));
  });

  it('workers that wait for the checked rewrite need no model file, only the bytes it hands them', async () => {
    const p = pool({ workers: 2, modelPath: '(verified bytes)', modelBytes: new Uint8Array(fs.readFileSync(STARTER)) });
    await p.ready();
    expect(p.graphProbes).toBe(1);
    expect(p.workerGraphs[1]).toMatch(/^Conv1d as Conv2d \(19 layers/);
    expect(p.workerGraphs[1]).toBe(p.workerGraphs[0]);
    for (const e of await runEach(p, 2, 80)) expect(e).toHaveLength(2 * 192);
  });

  it('a model that cannot be loaded fails every worker with MODEL_LOAD_FAILED (none waits forever)', async () => {
    const p = pool({ workers: 3, modelPath: path.join(REPO_ROOT, 'package.json') });
    await expect(p.ready()).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
    await expect(p.run(new Float32Array(80), 1, 1, 80)).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
  });
});
