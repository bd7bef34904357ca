// Which stored calibration, if any, may turn this evaluation's raw cosines into LLRs.
import type { ModelSummary } from '../../models/manifest.js';
import { parseCalibration } from '../calibration.js';
import type { Calibration } from '../calibration.js';

/** Shown wherever an evaluation reports no Cllr, so "null" never reads as "perfect". */
export const UNCALIBRATED_EVAL_NOTE =
  'The model is not calibrated: its scores are raw cosines, not LLRs, so Cllr is not reported (min Cllr is). Fit a calibration with `seimon calibrate --trials FILE`.';

/**
 * The model's calibration when it applies to raw cosines. A malformed one, or one fitted on AS-norm
 * scores (which eval does not compute), is ignored with a note rather than applied to the wrong score.
 */
export function rawCosineCalibration(model: ModelSummary): {
  calibration: Calibration | undefined;
  note: string | undefined;
} {
  if (model.calibration == null) return { calibration: undefined, note: UNCALIBRATED_EVAL_NOTE };
  let cal: Calibration;
  try {
    cal = parseCalibration(model.calibration);
  } catch {
    return {
      calibration: undefined,
      note: `The stored calibration of ${model.id} is malformed and was ignored. ${UNCALIBRATED_EVAL_NOTE}`,
    };
  }
  if (cal.scoreKind !== 'raw-cosine') {
    return {
      calibration: undefined,
      note: `The stored calibration of ${model.id} was fitted on ${cal.scoreKind} scores; eval scores raw cosines, so it was not applied.`,
    };
  }
  return { calibration: cal, note: undefined };
}
