import { SeimonError } from '../core/errors.js';

/** Stable codes for scoring failures; the UI and CLI translate these, so never rename one. */
export type ScoringErrorCode =
  | 'SCORING_ONE_CLASS'
  | 'SCORING_NO_TRIALS'
  | 'SCORING_NOT_FINITE'
  | 'SCORING_DIM_MISMATCH'
  | 'SCORING_COHORT_TOO_SMALL'
  | 'SCORING_BAD_CALIBRATION'
  | 'SCORING_BANDS_INVALID'
  | 'SCORING_BAD_OPTION';

/** Builds a SeimonError carrying a scoring code. */
export function scoringError(
  code: ScoringErrorCode,
  message: string,
  details?: Record<string, unknown>,
): SeimonError {
  return new SeimonError(code, message, details);
}
