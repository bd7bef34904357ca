import type { CoreContext } from '../core/context.js';
import { windowHopSeconds } from '../domain/index.js';
import type { EmbeddingPurpose, Recording } from '../domain/index.js';
import { embedFileCached } from '../embedding/cached.js';
import type { Embedder } from '../embedding/embedder.js';
import { contentPath } from '../store/content.js';
import { findEmbedding, findEmbeddingFor } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';

/**
 * Embeds a stored recording for a purpose (reference or suspect: different window plans) through the
 * (file, model, hop) cache; the stored hash spares a re-hash on a hit.
 */
export async function embedRecording(
  ctx: CoreContext,
  embedder: Embedder,
  rec: Recording,
  purpose: EmbeddingPurpose,
  signal?: AbortSignal,
): Promise<StoredEmbedding> {
  const hit = findEmbedding(ctx.db, rec.sha256, embedder.model.sha256, windowHopSeconds(purpose, embedder.model));
  if (hit) return hit;
  return embedFileCached(ctx, embedder, contentPath(ctx.dataDir, rec.sha256), purpose, signal ? { signal } : {});
}

/** Whether every one of these recordings is already embedded for the purpose under the model (no session needed). */
export function allCached(
  ctx: CoreContext,
  recs: readonly Recording[],
  model: { sha256: string; windowSeconds: number; hopSeconds: number },
  purpose: EmbeddingPurpose,
): boolean {
  return recs.every((r) => findEmbeddingFor(ctx.db, r.sha256, model, purpose) !== undefined);
}
