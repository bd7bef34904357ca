import type { CoreContext } from '../core/context.js';
import type { EmbeddingPurpose, Recording } from '../domain/index.js';
import { embedFileCached } from '../embedding/cached.js';
import type { EmbedOptions, Embedder } from '../embedding/embedder.js';
import { contentPath } from '../store/content.js';
import { findEmbeddingFor } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';

/**
 * Embeds a stored recording for a purpose (scoring or a timeline: different window plans) through the
 * (file, model, hop) cache; the stored hash spares a re-hash on a hit.
 */
export async function embedRecording(
  ctx: CoreContext,
  embedder: Embedder,
  rec: Recording,
  purpose: EmbeddingPurpose,
  opts: Pick<EmbedOptions, 'signal' | 'known'> = {},
): Promise<StoredEmbedding> {
  const hit = findEmbeddingFor(ctx.db, rec.sha256, embedder.model, purpose);
  if (hit) return hit;
  return embedFileCached(ctx, embedder, contentPath(ctx.dataDir, rec.sha256), purpose, opts);
}
