// One place that turns raw and normalised scores into what people read: LLR, %, band.
import type { ModelRef, ScoreReading } from '../domain/index.js';
import type { ModelSummary } from '../models/manifest.js';
import { applyCalibration, llrToProbability, parseCalibration } from '../scoring/calibration.js';
import type { Calibration } from '../scoring/calibration.js';
import { UNCALIBRATED_LABEL, bandFor } from '../scoring/verdict.js';
import type { VerdictBand } from '../scoring/verdict.js';

/** The model's stored calibration when it can be applied here, else undefined (read as uncalibrated). */
export function usableCalibration(model: ModelSummary, haveCohort: boolean): Calibration | undefined {
  if (model.calibration == null) return undefined;
  try {
    const cal = parseCalibration(model.calibration);
    // A calibration fitted on AS-norm scores cannot be applied to raw cosines.
    return cal.scoreKind === 'as-norm' && !haveCohort ? undefined : cal;
  } catch {
    return undefined;
  }
}

/** The model as every score names it. */
export function modelRef(model: ModelSummary, cal: Calibration | undefined): ModelRef {
  return { id: model.id, sha256: model.sha256, calibrated: cal !== undefined };
}

/** A score with its LLR, % and band (or 'uncalibrated'). */
export function readingOf(raw: number, normalized: number | undefined, cal: Calibration | undefined, bands: readonly VerdictBand[]): ScoreReading {
  const base = { rawCosine: raw, normalized: normalized ?? null };
  if (!cal) return { ...base, llr: null, percent: null, band: UNCALIBRATED_LABEL.key };
  const llr = applyCalibration(cal, cal.scoreKind === 'as-norm' ? (normalized as number) : raw);
  const percent = 100 * llrToProbability(llr);
  return { ...base, llr, percent, band: bandFor(percent, bands).key };
}

/** The key results are ranked by: LLR when calibrated, else AS-norm when there is a cohort, else raw cosine. */
export function rankKey(r: ScoreReading): number {
  return r.llr ?? r.normalized ?? r.rawCosine;
}
