import type { FbankOptions } from '../features/presets.js';

/** Messages between the inference pool and its ONNX workers. */
export interface WorkerInit {
  modelPath: string;
  /** The verified bytes of the model: when given, the session is built from these, not re-read from disk. */
  modelBytes?: Uint8Array;
  inputName: string;
  outputName: string;
  intraOpThreads: number;
  /** How this worker gets its graph (see GraphPlan). */
  graphPlan: GraphPlan;
  /** Lets tests make a worker die mid-batch; ignored unless SEIMON_TEST_HOOKS=1. */
  testHooks: boolean;
  /** Tests only (with testHooks): the probe's tolerance, to make a rewrite fail its check. */
  probeToleranceForTest?: number;
}

/**
 * Which graph a worker loads. The exact Conv1d -> Conv2d rewrite (conv2d-rewrite.ts) and its probe
 * against the stored graph run once per pool: the first worker `probe`s and reports the decision,
 * the others `await` it (a GraphDecision message) and build one session from it. `stored` skips the
 * rewrite altogether.
 */
export type GraphPlan = 'stored' | 'probe' | 'await';

/** The pool's decision on the graph, sent to workers that await it. */
export interface GraphDecision {
  type: 'graph';
  /** Which graph runs, in words: "Conv1d as Conv2d (...)" or "as stored (reason)". */
  graph: string;
  /**
   * The bytes to build the session from: the rewritten model that passed the probe, or the pool's
   * verified model bytes for the stored graph; absent: read the stored model from modelPath.
   * (Awaiting workers are started without modelBytes, so each holds one copy of a model at most.)
   */
  model?: Uint8Array;
}

export interface BatchRequest {
  id: number;
  /** Row-major [batch, frames, bins] features. */
  feats: Float32Array;
  batch: number;
  frames: number;
  bins: number;
  crashForTest?: boolean;
}

/**
 * Speech to embed in the worker itself: fbank, CMN per window and inference all run off the calling
 * thread, so several workers share the front-end work too. Window offsets are samples into `speech`
 * and multiples of the frame shift.
 */
export interface SpeechRequest {
  id: number;
  kind: 'speech';
  speech: Float32Array;
  windows: { offset: number; length: number }[];
  fbank: FbankOptions;
  snipEdges: boolean;
  crashForTest?: boolean;
}

export type WorkerRequest = (BatchRequest & { kind?: 'batch' }) | SpeechRequest;

export type WorkerReply =
  /** `probed`: this worker ran the rewrite's probe; `rewritten`: the checked bytes it then loaded. */
  | { type: 'ready'; graph: string; probed: boolean; rewritten?: Uint8Array }
  | { type: 'init-error'; message: string }
  | { id: number; type: 'result'; embeddings: Float32Array; dim: number; ms: number }
  | { id: number; type: 'error'; message: string };
