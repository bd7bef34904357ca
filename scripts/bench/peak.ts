/**
 * This machine's measured peak for ONNX Runtime on the CPU (benchmarks only): a large float32 MatMul,
 * the best case for its GEMM kernels, run the two ways the peer benchmark runs the speaker model —
 * in Seimon's worker pool (workers x 1 intra-op thread) and in one session with intra-op threads.
 * The model is built in code: input feats [batch, rows, K] x weight [K, K], summed over rows, so it
 * fits the pool's [batch, frames, bins] -> [batch, D] contract.
 */
import * as ort from 'onnxruntime-node';
import { InferencePool } from '../../src/embedding/pool.js';
import { countMacs } from './flops.js';
import { buildOnnxModel } from './onnx-build.js';
import { readOnnxGraph } from '../../src/embedding/onnx-graph.js';

const K = 1024;
const BATCH = 1;
const ROWS = 512;
const RUNS = 24;

export interface PeakResult {
  /** Billion floating-point operations per second (2 per multiply-accumulate). */
  gflops: number;
  label: string;
}

/** The peak-measuring MatMul model and the FLOPs of one run of it (counted from its graph). */
export function peakModel(): { bytes: Uint8Array; flopsPerRun: number } {
  const weight = new Float32Array(K * K);
  for (let i = 0; i < weight.length; i++) weight[i] = ((i * 7919) % 1000) / 1e5;
  const bytes = buildOnnxModel({
    inputs: [{ name: 'feats', dims: ['batch', 'rows', K] }],
    outputs: [{ name: 'embs', dims: ['batch', K] }],
    initializers: [
      { name: 'w', dims: [K, K], data: weight },
      { name: 'axes', dims: [1], data: [1], int64: true },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['feats', 'w'], outputs: ['y'] },
      { op: 'ReduceSum', inputs: ['y', 'axes'], outputs: ['embs'], attrs: { keepdims: 0 } },
    ],
  });
  const macs = countMacs(readOnnxGraph(bytes), { feats: [BATCH, ROWS, K] }).macs;
  return { bytes, flopsPerRun: 2 * macs };
}

/** Peak of `workers` pool workers with one intra-op thread each, all busy at once. */
export async function poolPeak(workers: number): Promise<PeakResult> {
  const { bytes, flopsPerRun } = peakModel();
  const pool = new InferencePool({ modelPath: '(generated peak model)', modelBytes: bytes, inputName: 'feats', outputName: 'embs', workers, intraOpThreads: 1 });
  try {
    await pool.ready();
    const runOnce = () => pool.run(new Float32Array(BATCH * ROWS * K).fill(0.25), BATCH, ROWS, K);
    await Promise.all(Array.from({ length: workers }, runOnce)); // warm-up
    const t0 = performance.now();
    await Promise.all(Array.from({ length: RUNS }, runOnce));
    const sec = (performance.now() - t0) / 1000;
    return { gflops: (RUNS * flopsPerRun) / sec / 1e9, label: `${workers} workers x 1 thread` };
  } finally {
    await pool.close();
  }
}

/** Peak of one session with `threads` intra-op threads, one run at a time (as sherpa-onnx runs). */
export async function sessionPeak(threads: number): Promise<PeakResult> {
  const { bytes, flopsPerRun } = peakModel();
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  const input = new ort.Tensor('float32', new Float32Array(BATCH * ROWS * K).fill(0.25), [BATCH, ROWS, K]);
  await session.run({ feats: input }); // warm-up
  const t0 = performance.now();
  for (let r = 0; r < RUNS; r++) await session.run({ feats: input });
  const sec = (performance.now() - t0) / 1000;
  await session.release();
  return { gflops: (RUNS * flopsPerRun) / sec / 1e9, label: `1 session x ${threads} threads` };
}
