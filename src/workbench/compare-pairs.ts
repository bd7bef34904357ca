// Each suspect clip against each reference recording (not the pooled voiceprint): the pairwise matrix an
// examiner reads to see whether one clip or one reference carries the overall score. Scored through the
// app's one scorer, so a cell reads exactly like the overall score (band withheld when that is).
import type { CoreContext } from '../core/context.js';
import type { PairReading, Recording } from '../domain/index.js';
import { makeScorer } from '../scoring/scorer.js';
import type { ScoringSetup } from '../scoring/scorer.js';
import { findEmbeddingFor } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';

/** Per-pair readings for every clip × reference with a stored embedding under the model (others are left out); references and clips as scored (tiled windows). */
export function pairReadings(
  ctx: CoreContext,
  model: { sha256: string; windowSeconds: number; hopSeconds: number },
  performerId: string,
  clips: readonly { recording: Recording; embedding: StoredEmbedding }[],
  references: readonly Recording[],
  setup: ScoringSetup,
): PairReading[] {
  const refs = references.flatMap((r) => {
    const e = findEmbeddingFor(ctx.db, r.sha256, model, 'score');
    return e ? [{ id: r.id, vector: e.vector }] : [];
  });
  if (refs.length === 0 || clips.length === 0) return [];
  // References enrol (they are the performer's), clips are tested (owner unknown), as for the voiceprint.
  const scorer = makeScorer(
    setup,
    refs.map((r) => ({ vector: r.vector, owner: performerId })),
    clips.map((c) => ({ vector: c.embedding.vector, owner: null })),
  );
  const out: PairReading[] = [];
  clips.forEach((c, j) => refs.forEach((r, i) => out.push({ clipId: c.recording.id, referenceId: r.id, ...scorer.reading(i, j) })));
  return out;
}
