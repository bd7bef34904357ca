// Where a suspect's score against one performer stands among everyone it could be compared with:
// every enrolled performer under the same model, and the bundled model's cohort speakers.
import type { CoreContext } from '../../core/context.js';
import type { Suspect } from '../../domain/index.js';
import { cosine, meanOfNormalized } from '../../embedding/vectors.js';
import type { ModelSummary } from '../../models/manifest.js';
import { findEmbedding } from '../../store/embeddings.js';
import { listPerformers } from '../../store/performers.js';
import { listModelVoiceprints } from '../../store/voiceprints.js';
import { bundledCohort } from '../../workbench/cohort.js';

export interface Standing {
  suspectId: string;
  performerId: string;
  /** 1 = the closest of all enrolled performers; null when the performer has no voiceprint. */
  rank: number | null;
  /** Enrolled performers with a voiceprint under this model, closest first (raw cosine). */
  performers: { performerId: string; name: string; rawCosine: number }[];
  /** Raw cosines of the suspect against the model's cohort speakers (people who are not performers). */
  cohortCosines: number[];
  /** How many cohort speakers score at or above this performer. */
  cohortAtOrAbove: number;
}

/** The suspect's mean clip embedding, from the embeddings the comparison just stored. */
function suspectVector(ctx: CoreContext, model: ModelSummary, suspect: Suspect): Float32Array | undefined {
  const windows = suspect.clips.flatMap((c) => findEmbedding(ctx.db, c.sha256, model.sha256)?.windows.map((w) => w.embedding) ?? []);
  return windows.length ? meanOfNormalized(windows) : undefined;
}

/** Ranks the suspect against all enrolled performers and the cohort (raw cosine: comparable across all). */
export function standingOf(ctx: CoreContext, model: ModelSummary, suspect: Suspect, performerId: string): Standing {
  const v = suspectVector(ctx, model, suspect);
  const names = new Map(listPerformers(ctx.db).map((p) => [p.id, p.name]));
  const performers = v
    ? listModelVoiceprints(ctx.db, model.sha256)
        .filter((vp) => vp.vector.length === v.length)
        .map((vp) => ({ performerId: vp.performerId, name: names.get(vp.performerId) ?? vp.performerId, rawCosine: cosine(v, vp.vector) }))
        .sort((a, b) => b.rawCosine - a.rawCosine)
    : [];
  const idx = performers.findIndex((p) => p.performerId === performerId);
  const cohortCosines = v ? bundledCohort(model).filter((c) => c.length === v.length).map((c) => cosine(v, c)) : [];
  const own = performers[idx]?.rawCosine;
  return {
    suspectId: suspect.id,
    performerId,
    rank: idx >= 0 ? idx + 1 : null,
    performers,
    cohortCosines,
    cohortAtOrAbove: own === undefined ? 0 : cohortCosines.filter((c) => c >= own).length,
  };
}
