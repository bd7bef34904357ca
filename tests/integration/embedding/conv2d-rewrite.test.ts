/**
 * The load-time Conv1d -> Conv2d rewrite, on the real ONNX runtime: the starter model and small
 * hand-built graphs give the same outputs rewritten as stored (float rounding only), graphs it cannot
 * follow are refused with a reason and run as stored, and the pool reports which graph it runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteConv1dAsConv2d } from '../../../src/embedding/conv2d-rewrite.js';
import { Embedder } from '../../../src/embedding/embedder.js';
import { readOnnxGraph } from '../../../src/embedding/onnx-graph.js';
import { loadSession } from '../../../src/embedding/session-load.js';
import type { BuildModel } from '../../../scripts/bench/onnx-build.js';
import { buildOnnxModel } from '../../../scripts/bench/onnx-build.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const STARTER = path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');
const values = (n: number, seed = 1) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37 * seed) * 0.3);

async function outputs(bytes: Uint8Array, feats: Float32Array, dims: number[], names: string[]): Promise<Float32Array[]> {
  const s = await ort.InferenceSession.create(bytes);
  const out = await s.run({ feats: new ort.Tensor('float32', feats, dims) });
  await s.release();
  return names.map((n) => out[n]!.data as Float32Array);
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

/** feats [B, T, 6] -> Transpose -> Conv1d (dilated, padded) -> Relu -> BN -> SE-style gate -> pooled stats. */
function tdnn(tail: BuildModel['nodes'] = []): BuildModel {
  return {
    inputs: [{ name: 'feats', dims: ['batch', 'frames', 6] }],
    outputs: [{ name: 'embs', dims: ['batch', 8] }],
    initializers: [
      { name: 'w1', dims: [4, 6, 3], data: values(72) },
      { name: 'b1', dims: [4], data: values(4, 2) },
      { name: 'bn_s', dims: [4], data: Float32Array.from([1, 0.5, 2, 1.5]) },
      { name: 'bn_b', dims: [4], data: Float32Array.from([0.1, -0.2, 0, 0.3]) },
      { name: 'bn_m', dims: [4], data: Float32Array.from([0.05, 0, -0.1, 0.2]) },
      { name: 'bn_v', dims: [4], data: Float32Array.from([1, 2, 0.5, 1]) },
      { name: 'w2', dims: [4, 4, 1], data: values(16, 3) },
      { name: 'half', dims: [], data: Float32Array.from([0.5]) },
      { name: 'time', dims: [1], data: [-1], int64: true },
    ],
    nodes: [
      { op: 'Transpose', inputs: ['feats'], outputs: ['x'], attrs: { perm: [0, 2, 1] } },
      { op: 'Conv', inputs: ['x', 'w1', 'b1'], outputs: ['c1'], attrs: { kernel_shape: [3], dilations: [2], pads: [2, 2] } },
      { op: 'Relu', inputs: ['c1'], outputs: ['r1'] },
      { op: 'BatchNormalization', inputs: ['r1', 'bn_s', 'bn_b', 'bn_m', 'bn_v'], outputs: ['n1'] },
      { op: 'ReduceMean', inputs: ['n1'], outputs: ['m1'], attrs: { axes: [2], keepdims: 1 } },
      { op: 'Conv', inputs: ['m1', 'w2'], outputs: ['g1'], attrs: { kernel_shape: [1] } },
      { op: 'Sigmoid', inputs: ['g1'], outputs: ['s1'] },
      { op: 'Mul', inputs: ['n1', 's1'], outputs: ['y'] },
      { op: 'Mul', inputs: ['y', 'half'], outputs: ['yh'] },
      { op: 'Softmax', inputs: ['yh'], outputs: ['att'], attrs: { axis: 2 } },
      { op: 'Mul', inputs: ['y', 'att'], outputs: ['wy'] },
      { op: 'ReduceSum', inputs: ['wy', 'time'], outputs: ['mu'], attrs: { keepdims: 0 } },
      { op: 'ReduceMax', inputs: ['y'], outputs: ['mx'], attrs: { axes: [-1], keepdims: 0 } },
      { op: 'Concat', inputs: ['mu', 'mx'], outputs: ['embs'], attrs: { axis: 1 } },
      ...tail,
    ],
  };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

describe('Conv1d as Conv2d load-time rewrite', () => {
  it('rewrites every Conv of a TDNN graph and gives the same outputs (opset 13: axes as inputs)', async () => {
    const bytes = buildOnnxModel(tdnn());
    const r = rewriteConv1dAsConv2d(bytes);
    if ('refused' in r) throw new Error(r.refused);
    expect(r.convs).toBe(2);
    const g = readOnnxGraph(r.bytes);
    expect(g.initializers.get('w1')?.dims).toEqual([4, 6, 1, 3]);
    expect(g.nodes.filter((n) => n.op === 'Unsqueeze')).toHaveLength(1);
    expect(g.nodes.find((n) => n.op === 'Softmax')?.attrs.get('axis')?.i).toBe(3);
    for (const [b, t] of [[1, 40], [3, 23]] as const) {
      const feats = values(b * t * 6, 5);
      const [before] = await outputs(bytes, feats, [b, t, 6], ['embs']);
      const [after] = await outputs(r.bytes, feats, [b, t, 6], ['embs']);
      expect(maxDiff(before!, after!)).toBeLessThan(1e-5);
    }
  });

  it('gives the starter model the same embeddings within float rounding, all 19 Convs rewritten', async () => {
    const bytes = new Uint8Array(fs.readFileSync(STARTER));
    const r = rewriteConv1dAsConv2d(bytes);
    if ('refused' in r) throw new Error(r.refused);
    expect(r.convs).toBe(19);
    const feats = values(2 * 300 * 80, 7).map((v) => v * 10);
    const [before] = await outputs(bytes, feats, [2, 300, 80], ['embs']);
    const [after] = await outputs(r.bytes, feats, [2, 300, 80], ['embs']);
    const scale = Math.max(...Array.from(before!, Math.abs));
    expect(maxDiff(before!, after!) / scale).toBeLessThan(1e-5);
  });

  it('refuses graphs it cannot follow, naming the reason', () => {
    // A Conv1d output flattened: the layout of the flattened vector would change.
    const flat = tdnn();
    flat.nodes = [...flat.nodes.slice(0, 3), { op: 'Flatten', inputs: ['r1'], outputs: ['embs'] }];
    expect(rewriteConv1dAsConv2d(buildOnnxModel(flat))).toEqual({ refused: 'Flatten on a rewritten tensor' });
    // A rewritten tensor added to a 3-D one: broadcasting would pair the wrong axes.
    const mixed = tdnn();
    mixed.nodes = [...mixed.nodes.slice(0, 3), { op: 'Add', inputs: ['r1', 'x'], outputs: ['embs'] }];
    expect(rewriteConv1dAsConv2d(buildOnnxModel(mixed))).toMatchObject({ refused: expect.stringContaining('broadcast') });
    // No Conv1d at all (the MatMul fixture model), and bytes that are not a model.
    const fixture = new Uint8Array(fs.readFileSync(path.join(REPO_ROOT, 'fixtures', 'models', 'good-3dspeaker.onnx')));
    expect(rewriteConv1dAsConv2d(fixture)).toEqual({ refused: 'no Conv1d layers' });
    expect(rewriteConv1dAsConv2d(Uint8Array.from([0x3a, 0x09, 0x01]))).toMatchObject({ refused: expect.stringContaining('unreadable model') });
  });

  it('loads the rewritten graph only after the probe agrees, and says which graph runs', async () => {
    const common = { modelPath: STARTER, threads: 1, inputName: 'feats', outputName: 'embs' };
    const on = await loadSession({ ...common, rewrite: true });
    expect(on.graph).toMatch(/^Conv1d as Conv2d \(19 layers, probe max relative difference/);
    const off = await loadSession({ ...common, rewrite: false });
    expect(off.graph).toBe('as stored');
    const fixture = await loadSession({ ...common, modelPath: path.join(REPO_ROOT, 'fixtures', 'models', 'good-3dspeaker.onnx'), rewrite: true });
    expect(fixture.graph).toBe('as stored (no Conv1d layers)');
    for (const s of [on, off, fixture]) await s.session.release();
  });

  it('embeds through the pool the same with and without the rewrite (cosine > 0.99999 per window)', async () => {
    const ref = { id: 'starter', sha256: 'x', path: STARTER, preset: '3dspeaker' as const, inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 };
    const a = new Embedder(ref, { workers: 1, intraOpThreads: 1 });
    const b = new Embedder(ref, { workers: 1, intraOpThreads: 1, rewriteGraph: false });
    closers.push(() => a.close(), () => b.close());
    const audio = values(16000 * 8, 11).map((v, i) => v * Math.sin(i * 0.002));
    const [ca, cb] = [await a.embed(audio, [{ start: 0, end: 8 }]), await b.embed(audio, [{ start: 0, end: 8 }])];
    expect(a.graph).toMatch(/^Conv1d as Conv2d/);
    expect(b.graph).toBe('as stored');
    expect(ca.windows).toHaveLength(cb.windows.length);
    ca.windows.forEach((w, i) => {
      const x = w.embedding;
      const y = cb.windows[i]!.embedding;
      let dot = 0;
      let nx = 0;
      let ny = 0;
      for (let k = 0; k < x.length; k++) {
        dot += x[k]! * y[k]!;
        nx += x[k]! * x[k]!;
        ny += y[k]! * y[k]!;
      }
      expect(dot / Math.sqrt(nx * ny)).toBeGreaterThan(0.99999);
    });
  });
});
