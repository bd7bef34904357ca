import type { FbankPresetName } from '../features/presets.js';

/** What the embedding engine needs to know about a registered, verified model. */
export interface EmbeddingModelRef {
  id: string;
  sha256: string;
  /** Absolute path of the verified .onnx file. */
  path: string;
  preset: FbankPresetName;
  inputName: string;
  outputName: string;
  windowSeconds: number;
  hopSeconds: number;
}
