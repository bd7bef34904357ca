/**
 * The benchmark's FLOP counter: MACs of hand-built graphs against hand-computed counts, its shapes
 * against what the real ONNX runtime produces, and the starter model's per-frame count against one
 * taken independently with the `onnx` Python package (sum of the frame-level Conv weights).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { countMacs } from '../../../scripts/bench/flops.js';
import { buildOnnxModel } from '../../../scripts/bench/onnx-build.js';
import { readOnnxGraph } from '../../../src/embedding/onnx-graph.js';
import { peakModel } from '../../../scripts/bench/peak.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const weights = (n: number) => Float32Array.from({ length: n }, (_, i) => ((i % 13) - 6) / 50);

/** feats [B, T, 8] -> Transpose -> dilated grouped Conv1d -> Relu -> mean over time -> Gemm. */
function tinyTdnn(): Uint8Array {
  return buildOnnxModel({
    inputs: [{ name: 'feats', dims: ['batch', 'frames', 8] }],
    outputs: [
      { name: 'embs', dims: ['batch', 3] },
      { name: 'p', dims: ['batch', 5, 'out'] },
    ],
    initializers: [
      { name: 'cw', dims: [6, 4, 3], data: weights(6 * 4 * 3) },
      { name: 'cb', dims: [6], data: weights(6) },
      { name: 'pw', dims: [5, 6, 1], data: weights(5 * 6) },
      { name: 'gw', dims: [3, 5], data: weights(15) },
      { name: 'gb', dims: [3], data: weights(3) },
      { name: 'axes', dims: [1], data: [-1], int64: true },
    ],
    nodes: [
      { op: 'Transpose', inputs: ['feats'], outputs: ['x'], attrs: { perm: [0, 2, 1] } },
      { op: 'Conv', inputs: ['x', 'cw', 'cb'], outputs: ['c'], attrs: { kernel_shape: [3], dilations: [2], pads: [1, 2], strides: [1], group: 2 } },
      { op: 'Relu', inputs: ['c'], outputs: ['r'] },
      { op: 'Conv', inputs: ['r', 'pw'], outputs: ['p'], attrs: { kernel_shape: [1], strides: [2] } },
      { op: 'ReduceSum', inputs: ['p', 'axes'], outputs: ['m'], attrs: { keepdims: 0 } },
      { op: 'Gemm', inputs: ['m', 'gw', 'gb'], outputs: ['embs'], attrs: { transB: 1 } },
    ],
  });
}

describe('FLOP counter of the embedding benchmark', () => {
  it('counts a dilated, grouped, strided Conv1d and a Gemm as computed by hand, for any batch and length', () => {
    const graph = readOnnxGraph(tinyTdnn());
    expect(graph.inputs).toEqual([{ name: 'feats', dims: ['batch', 'frames', 8] }]);
    for (const [b, t] of [[1, 50], [3, 17]] as const) {
      // Conv 1: out length t + 1 + 2 - 2*(3-1) = t - 1; MACs = B * 6 * (8/2) * 3 * (t-1).
      const conv1 = b * 6 * 4 * 3 * (t - 1);
      // Conv 2: stride 2 over t-1 frames: floor((t - 2) / 2) + 1 outputs; MACs = B * 5 * 6 * out.
      const out2 = Math.floor((t - 2) / 2) + 1;
      const conv2 = b * 5 * 6 * out2;
      const gemm = b * 3 * 5;
      const c = countMacs(graph, { feats: [b, t, 8] });
      expect(c.byOp).toEqual({ Conv: conv1 + conv2, Gemm: gemm });
      expect(c.macs).toBe(conv1 + conv2 + gemm);
      expect(c.shapes.get('p')).toEqual([b, 5, out2]);
    }
  });

  it('follows shapes exactly as onnxruntime computes them', async () => {
    const bytes = tinyTdnn();
    const session = await ort.InferenceSession.create(bytes);
    const feats = new ort.Tensor('float32', weights(2 * 21 * 8), [2, 21, 8]);
    const out = await session.run({ feats });
    const counted = countMacs(readOnnxGraph(bytes), { feats: [2, 21, 8] });
    expect(out.p!.dims.map(Number)).toEqual([2, 5, 10]);
    expect(counted.shapes.get('p')).toEqual(out.p!.dims.map(Number));
    expect(counted.shapes.get('embs')).toEqual(out.embs!.dims.map(Number));
    await session.release();
  });

  it('counts the peak-measuring MatMul as 512 x 1024 x 1024 MACs and the model runs', async () => {
    const { bytes, flopsPerRun } = peakModel();
    expect(flopsPerRun).toBe(2 * 512 * 1024 * 1024);
    const session = await ort.InferenceSession.create(bytes);
    const out = await session.run({ feats: new ort.Tensor('float32', new Float32Array(512 * 1024).fill(1), [1, 512, 1024]) });
    expect(out.embs!.dims.map(Number)).toEqual([1, 1024]);
    await session.release();
  });

  it("matches an independent count for the starter model: 1,232,896 MACs per frame plus the SE and output layers", () => {
    const file = path.join(REPO_ROOT, 'models', 'starter', 'seimon-starter-v2.onnx');
    const graph = readOnnxGraph(fs.readFileSync(file));
    const at = (frames: number) => countMacs(graph, { feats: [1, frames, 80] });
    expect(at(1000).macs - at(100).macs).toBe(900 * 1_232_896);
    // Squeeze-excitation 1x1 convs run on one pooled frame (3 blocks x 2 x 32 x 256), the Gemm is 1536 x 192.
    expect(at(100).byOp.Gemm).toBe(1536 * 192);
    expect(at(100).byOp.Conv).toBe(100 * 1_232_896 + 3 * 2 * 32 * 256);
  });

  it('refuses an op it cannot follow, naming it, rather than guessing', () => {
    const bytes = buildOnnxModel({
      inputs: [{ name: 'x', dims: [2, 3] }],
      outputs: [{ name: 'y', dims: [2, 3] }],
      nodes: [{ op: 'TopK', inputs: ['x'], outputs: ['y'] }],
    });
    expect(() => countMacs(readOnnxGraph(bytes), { x: [2, 3] })).toThrow(/TopK/);
  });

  it('needs a shape for every graph input', () => {
    expect(() => countMacs(readOnnxGraph(tinyTdnn()), {})).toThrow(/feats/);
  });

  it('rejects bytes that are not a model with a graph', () => {
    expect(() => readOnnxGraph(Uint8Array.from([0x08, 0x07]))).toThrow(/no graph/);
    expect(() => readOnnxGraph(Uint8Array.from([0x3a, 0x05, 0x0a]))).toThrow(/past the end/);
  });
});
