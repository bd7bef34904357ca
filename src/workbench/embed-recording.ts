import type { CoreContext } from '../core/context.js';
import type { Recording } from '../domain/index.js';
import { embedFileCached } from '../embedding/cached.js';
import type { Embedder } from '../embedding/embedder.js';
import { contentPath } from '../store/content.js';
import { findEmbedding } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';

/** Embeds a stored recording through the (file, model) cache; the stored hash spares a re-hash on a hit. */
export async function embedRecording(ctx: CoreContext, embedder: Embedder, rec: Recording, signal?: AbortSignal): Promise<StoredEmbedding> {
  const hit = findEmbedding(ctx.db, rec.sha256, embedder.model.sha256);
  if (hit) return hit;
  return embedFileCached(ctx, embedder, contentPath(ctx.dataDir, rec.sha256), signal ? { signal } : {});
}

/** Whether every one of these recordings is already embedded under the model (no session needed). */
export function allCached(ctx: CoreContext, recs: readonly Recording[], modelSha256: string): boolean {
  return recs.every((r) => findEmbedding(ctx.db, r.sha256, modelSha256) !== undefined);
}
