// What every score names: the model (with whether its calibration applied) and how results rank.
import type { ModelRef, ScoreReading } from '../domain/index.js';
import type { ModelSummary } from '../models/manifest.js';
import type { Calibration } from '../scoring/calibration.js';

/** The model as every score names it. */
export function modelRef(model: ModelSummary, cal: Calibration | undefined): ModelRef {
  return { id: model.id, sha256: model.sha256, calibrated: cal !== undefined };
}

/** The key results are ranked by: LLR when stated, else AS-norm when there is a cohort, else raw cosine. */
export function rankKey(r: ScoreReading): number {
  return r.llr ?? r.normalized ?? r.rawCosine;
}
