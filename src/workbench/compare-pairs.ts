// Each suspect clip against each reference recording (not the pooled voiceprint): the pairwise matrix an
// examiner reads to see whether one clip or one reference carries the overall score.
import type { CoreContext } from '../core/context.js';
import type { PairReading, Recording } from '../domain/index.js';
import { cosine } from '../embedding/vectors.js';
import type { Calibration } from '../scoring/calibration.js';
import { asNorm, cohortStats } from '../scoring/normalization.js';
import type { VerdictBand } from '../scoring/verdict.js';
import { findEmbedding } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';
import type { Cohort } from './cohort.js';
import { readingOf } from './readings.js';

/** Per-pair readings for every clip × reference with a stored embedding under the model (others are left out). */
export function pairReadings(
  ctx: CoreContext,
  modelSha256: string,
  clips: readonly { recording: Recording; embedding: StoredEmbedding }[],
  references: readonly Recording[],
  scoring: { cohort: Cohort | undefined; cal: Calibration | undefined; bands: readonly VerdictBand[] },
): PairReading[] {
  const { cohort, cal, bands } = scoring;
  const stats = (v: Float32Array) => (cohort ? cohortStats(v, cohort.matrix) : undefined);
  const refs = references.flatMap((r) => {
    const e = findEmbedding(ctx.db, r.sha256, modelSha256);
    return e ? [{ id: r.id, vector: e.vector, stats: stats(e.vector) }] : [];
  });
  const out: PairReading[] = [];
  for (const c of clips) {
    const clipStats = stats(c.embedding.vector);
    for (const r of refs) {
      const raw = cosine(c.embedding.vector, r.vector);
      const normalized = clipStats && r.stats ? asNorm(raw, r.stats, clipStats) : undefined;
      out.push({ clipId: c.recording.id, referenceId: r.id, ...readingOf(raw, normalized, cal, bands) });
    }
  }
  return out;
}
