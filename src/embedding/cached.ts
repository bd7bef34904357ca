import type { CoreContext } from '../core/context.js';
import { windowHopSeconds } from '../domain/index.js';
import type { EmbeddingPurpose } from '../domain/index.js';
import { sha256File } from '../models/hash.js';
import { findEmbedding, saveEmbedding } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';
import { embedFile } from './embed-file.js';
import type { FileEmbedding } from './embed-file.js';
import type { EmbedOptions, Embedder } from './embedder.js';

export interface CachedEmbedding extends StoredEmbedding {
  /** True when the vector came from the cache rather than a fresh run of the model. */
  cached: boolean;
}

/**
 * Embeds a file for a purpose through the cache keyed by (file SHA-256, model SHA-256, window hop).
 * Nothing is stored when the file fails (no speech, unreadable), so the cache only ever holds real
 * embeddings.
 */
export async function embedFileCached(
  ctx: CoreContext,
  embedder: Embedder,
  file: string,
  purpose: EmbeddingPurpose,
  opts: EmbedOptions = {},
): Promise<CachedEmbedding> {
  const fileSha256 = await sha256File(file);
  const modelSha256 = embedder.model.sha256;
  const hopSeconds = windowHopSeconds(purpose, embedder.model);
  const hit = findEmbedding(ctx.db, fileSha256, modelSha256, hopSeconds);
  if (hit) return { ...hit, cached: true };
  const f = await embedFile(embedder, file, { ...opts, hopSeconds });
  const stored = { fileSha256, modelSha256, hopSeconds, modelId: embedder.model.id, dim: f.dim, vector: f.embedding, windows: f.windows, speechSeconds: f.speechSeconds };
  saveEmbedding(ctx.db, stored);
  return { ...stored, createdAt: new Date().toISOString(), cached: false };
}

/**
 * Records a fresh file embedding in the cache (used by commands that also need the decode report);
 * `f` must have been embedded with the scoring plan's hop (`windowHopSeconds('score', model)`).
 */
export async function rememberEmbedding(ctx: CoreContext, embedder: Embedder, file: string, f: FileEmbedding): Promise<void> {
  const fileSha256 = await sha256File(file);
  const hopSeconds = windowHopSeconds('score', embedder.model);
  saveEmbedding(ctx.db, { fileSha256, modelSha256: embedder.model.sha256, hopSeconds, modelId: embedder.model.id, dim: f.dim, vector: f.embedding, windows: f.windows, speechSeconds: f.speechSeconds });
}
