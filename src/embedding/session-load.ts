import fs from 'node:fs';
import * as ort from 'onnxruntime-node';
import { rewriteConv1dAsConv2d } from './conv2d-rewrite.js';
import { readOnnxGraph } from './onnx-graph.js';

/** How a worker's session was built: which graph it runs, in words (shown by the benchmark). */
export interface LoadedSession {
  session: ort.InferenceSession;
  graph: string;
  /** The rewritten model when it passed the probe and the session runs it (to hand to other workers). */
  rewritten?: Uint8Array;
}

const SESSION_OPTIONS = (threads: number): ort.InferenceSession.SessionOptions => ({
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
});

/** Outputs may differ by float rounding only: summation order changes, nothing else. */
const PROBE_TOLERANCE = 1e-4;

export interface SessionSource {
  modelPath: string;
  modelBytes?: Uint8Array;
  threads: number;
  inputName: string;
  outputName: string;
}

/**
 * Builds an ONNX session. With `rewrite`, Conv1d layers run as Conv2d (ONNX Runtime's
 * blocked-layout kernels handle 2-D convolutions only), but only after the rewritten model has
 * given the original's output on a probe input; otherwise the model runs as stored. The pool runs
 * this once and hands the outcome to its other workers (see loadDecided).
 */
export async function loadSession(opts: SessionSource & { rewrite: boolean; probeToleranceForTest?: number }): Promise<LoadedSession> {
  const bytes = sourceBytes(opts);
  const original = await ort.InferenceSession.create(bytes, SESSION_OPTIONS(opts.threads));
  if (!opts.rewrite) return { session: original, graph: 'as stored' };
  const r = rewriteConv1dAsConv2d(bytes);
  if ('refused' in r) return { session: original, graph: `as stored (${r.refused})` };
  const bins = probeBins(bytes, opts.inputName);
  if (bins === null) return { session: original, graph: 'as stored (input bins not fixed)' };
  let rewritten: ort.InferenceSession | null = null;
  try {
    rewritten = await ort.InferenceSession.create(r.bytes, SESSION_OPTIONS(opts.threads));
    const diff = await probeDifference(original, rewritten, bins, opts.inputName, opts.outputName);
    if (diff <= (opts.probeToleranceForTest ?? PROBE_TOLERANCE)) {
      await original.release();
      return { session: rewritten, rewritten: r.bytes, graph: `Conv1d as Conv2d (${r.convs} layers, probe max relative difference ${diff.toExponential(1)})` };
    }
    await rewritten.release();
    return { session: original, graph: `as stored (rewrite differed by ${diff.toExponential(1)} on the probe)` };
  } catch (e) {
    await rewritten?.release();
    return { session: original, graph: `as stored (rewrite failed: ${(e as Error).message})` };
  }
}

/** One session from a graph another worker already checked (its bytes in `modelBytes`, or the stored file). */
export async function loadDecided(opts: SessionSource): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(sourceBytes(opts), SESSION_OPTIONS(opts.threads));
}

function sourceBytes(opts: SessionSource): Uint8Array {
  return opts.modelBytes ?? new Uint8Array(fs.readFileSync(opts.modelPath));
}

function probeBins(bytes: Uint8Array, inputName: string): number | null {
  const input = readOnnxGraph(bytes).inputs.find((i) => i.name === inputName);
  const bins = input?.dims.length === 3 ? input.dims[2] : undefined;
  return typeof bins === 'number' && bins > 0 ? bins : null;
}

/** Largest |a - b| over the outputs for a fixed 2 x 200-frame input, relative to the largest |a|. */
async function probeDifference(a: ort.InferenceSession, b: ort.InferenceSession, bins: number, inputName: string, outputName: string): Promise<number> {
  const frames = 200;
  const x = Float32Array.from({ length: 2 * frames * bins }, (_, i) => 3 * Math.sin(i * 0.37) * Math.cos(i * 0.011));
  const run = async (s: ort.InferenceSession) => (await s.run({ [inputName]: new ort.Tensor('float32', x, [2, frames, bins]) }, [outputName]))[outputName]?.data as Float32Array | undefined;
  const [ya, yb] = [await run(a), await run(b)];
  if (!ya || !yb || ya.length !== yb.length) return Infinity;
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < ya.length; i++) {
    diff = Math.max(diff, Math.abs(ya[i]! - yb[i]!));
    scale = Math.max(scale, Math.abs(ya[i]!));
  }
  return Number.isFinite(diff) ? diff / Math.max(scale, 1e-6) : Infinity;
}
