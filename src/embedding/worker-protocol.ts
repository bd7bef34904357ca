/** Messages between the inference pool and its ONNX workers. */
export interface WorkerInit {
  modelPath: string;
  /** The verified bytes of the model: when given, the session is built from these, not re-read from disk. */
  modelBytes?: Uint8Array;
  inputName: string;
  outputName: string;
  intraOpThreads: number;
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

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  | { id: number; type: 'result'; embeddings: Float32Array; dim: number; ms: number }
  | { id: number; type: 'error'; message: string };
