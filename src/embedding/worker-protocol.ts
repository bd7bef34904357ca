import type { FbankOptions } from '../features/presets.js';

/** Messages between the inference pool and its ONNX workers. */
export interface WorkerInit {
  modelPath: string;
  /** The verified bytes of the model: when given, the session is built from these, not re-read from disk. */
  modelBytes?: Uint8Array;
  inputName: string;
  outputName: string;
  intraOpThreads: number;
  /** Try the exact Conv1d -> Conv2d load-time rewrite (see conv2d-rewrite.ts); off keeps the graph as stored. */
  rewriteGraph: boolean;
  /** Lets tests make a worker die mid-batch; ignored unless SEIMON_TEST_HOOKS=1. */
  testHooks: boolean;
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
  | { type: 'ready'; graph: string }
  | { type: 'init-error'; message: string }
  | { id: number; type: 'result'; embeddings: Float32Array; dim: number; ms: number }
  | { id: number; type: 'error'; message: string };
