import type { ModelSummary } from './model-manifest.js';

/** The outcome of re-hashing one model file. */
export interface ModelCheck {
  id: string;
  displayName: string;
  file: string;
  sha256: string;
  status: 'ok' | 'mismatch' | 'missing';
  actualSha256: string | null;
}

/** A model file accepted into the registry. */
export interface ImportedModel {
  model: ModelSummary;
  /** True when a model with the same bytes was already registered (nothing new was stored). */
  alreadyInstalled: boolean;
}
