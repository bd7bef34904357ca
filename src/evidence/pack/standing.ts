// Where a suspect's score against the case's performer stands among everyone it could be compared
// with: every enrolled performer under the same model (scored the way the comparison is: cohort,
// AS-norm, calibration, bands) and the bundled model's cohort speakers. Other performers leave the
// core only as counts unless an internal pack asks for them.
import type { CoreContext } from '../../core/context.js';
import type { Comparison, Suspect } from '../../domain/index.js';
import { cosine, meanOfNormalized } from '../../embedding/vectors.js';
import type { ModelSummary } from '../../models/manifest.js';
import { makeScorer } from '../../scoring/scorer.js';
import { findEmbeddingFor } from '../../store/embeddings.js';
import { listPerformers } from '../../store/performers.js';
import { listModelVoiceprints } from '../../store/voiceprints.js';
import { bundledCohort } from '../../workbench/cohort.js';
import { scoringFor } from '../../workbench/population.js';

/** Another performer's score (named only in internal packs the user asked to include them in). */
export interface OtherPerformerScore {
  performerId: string;
  name: string;
  rawCosine: number;
}

export interface Standing {
  suspectId: string;
  performerId: string;
  /** 1 = the closest of all enrolled performers; null when the performer has no voiceprint. */
  rank: number | null;
  /** Enrolled performers with a voiceprint under this model (the case's performer included). */
  performerCount: number;
  /** The score and threshold that mark a match (the comparison's region rule). */
  threshold: { field: Comparison['regionScore']; value: number };
  /** How many performers other than the case's reach that threshold against this suspect. */
  othersOverThreshold: number;
  /** Raw cosine of the suspect against the case's performer. */
  ownRawCosine: number | null;
  /** Raw cosines of the suspect against the model's cohort speakers (public speakers, not performers). */
  cohortCosines: number[];
  /** How many cohort speakers score at or above this performer. */
  cohortAtOrAbove: number;
  /** Every enrolled performer, closest first: only when an internal pack includes other performers. */
  performers?: OtherPerformerScore[];
}

function suspectVector(ctx: CoreContext, model: ModelSummary, suspect: Suspect): Float32Array | undefined {
  const windows = suspect.clips.flatMap((c) => findEmbeddingFor(ctx.db, c.sha256, model, 'score')?.windows.map((w) => w.embedding) ?? []);
  return windows.length ? meanOfNormalized(windows) : undefined;
}

/** Ranks the suspect against all enrolled performers and the cohort; counts those over the threshold. */
export function standingOf(ctx: CoreContext, model: ModelSummary, suspect: Suspect, c: Comparison, includeOthers: boolean): Standing {
  const performerId = c.performer.id;
  const v = suspectVector(ctx, model, suspect);
  const names = new Map(listPerformers(ctx.db).map((p) => [p.id, p.name]));
  const prints = v ? listModelVoiceprints(ctx.db, model.sha256).filter((vp) => vp.vector.length === v.length) : [];
  // Every performer scored through the same scorer as the comparison (cohort rule, calibration, withheld bands).
  const scorer = v ? makeScorer(scoringFor(ctx, model).setup, prints.map((vp) => ({ vector: vp.vector, owner: vp.performerId })), [{ vector: v, owner: null }]) : undefined;
  const scored = prints
    .map((vp, i) => {
      const reading = (scorer as NonNullable<typeof scorer>).reading(i, 0);
      return { performerId: vp.performerId, name: names.get(vp.performerId) ?? vp.performerId, rawCosine: cosine(v as Float32Array, vp.vector), reading };
    })
    .sort((a, b) => b.rawCosine - a.rawCosine);
  const idx = scored.findIndex((p) => p.performerId === performerId);
  const over = (r: (typeof scored)[number]['reading']) => (r[c.regionScore] ?? -Infinity) >= c.regionThreshold;
  const cohortCosines = v ? bundledCohort(model).filter((x) => x.length === v.length).map((x) => cosine(v, x)) : [];
  const own = scored[idx]?.rawCosine;
  return {
    suspectId: suspect.id,
    performerId,
    rank: idx >= 0 ? idx + 1 : null,
    performerCount: scored.length,
    threshold: { field: c.regionScore, value: c.regionThreshold },
    othersOverThreshold: scored.filter((p) => p.performerId !== performerId && over(p.reading)).length,
    ownRawCosine: own ?? null,
    cohortCosines,
    cohortAtOrAbove: own === undefined ? 0 : cohortCosines.filter((x) => x >= own).length,
    ...(includeOthers ? { performers: scored.map(({ performerId: id, name, rawCosine }) => ({ performerId: id, name, rawCosine })) } : {}),
  };
}
