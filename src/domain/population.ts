/**
 * The population check: the scoring validated on the enrolled performers themselves (the relevant
 * population a case is about), and why a verdict band may be withheld. Pure types and constants.
 */

/** Why a score's band (and %) is not stated. */
export type WithheldReason =
  /** No enrolled performers to validate on (e.g. `seimon compare` on a fresh data folder). */
  | 'no-population'
  /** Fewer performers (or performers with >= 2 references) than the check needs. */
  | 'too-few-performers'
  /** The check measured more false matches at a band than the model card states (over 2x, or over 5 %). */
  | 'overstating'
  /** The check has not been run on the current enrolment and model yet. */
  | 'not-checked';

export const WITHHELD_BAND = 'withheld';

/** The least population the check will vouch for; below it every band is withheld. */
export const POPULATION_MIN_PERFORMERS = 20;
export const POPULATION_MIN_MULTI_REFERENCE = 10;
/** A band is withheld when its measured false-match rate exceeds this multiple of the stated rate … */
export const OVERSTATE_FACTOR = 2;
/** … or this absolute rate. */
export const OVERSTATE_CEILING = 0.05;

/** Error rates at one band's threshold: measured on the performers, and as the model card states them. */
export interface PopulationBandRate {
  key: string;
  minPercent: number;
  falseMatchRate: number;
  missRate: number | null;
  /** The model card's false-match rate at this band (null when the model states none). */
  statedFalseMatchRate: number | null;
  /** True when this band's claim is contradicted by the measurement. */
  overstated: boolean;
}

export interface PopulationCheck {
  modelId: string;
  modelSha256: string;
  /** Hash of the enrolment it was computed on (performers, their references and voiceprints). */
  enrolmentKey: string;
  computedAt: string;
  performers: number;
  /** Performers with two or more references (leave-one-out targets). */
  multiReference: number;
  nonTargetTrials: number;
  targetTrials: number;
  /** Targets from halves of one reference (same session: flatters the miss rates). */
  sameSessionTargets: number;
  eer: number | null;
  cllr: number | null;
  bands: PopulationBandRate[];
  /** Null when every band may be stated, else why none is. */
  withheld: WithheldReason | null;
  /** Cohort used: enrolled performers (minus the trial's own) and how many shipped rows filled in. */
  cohort: { performers: number; shippedRows: number; topN: number };
}

/** What every shown score carries about its population (compact, for tables and letters). */
export interface PopulationFigures {
  performers: number;
  nonTargetTrials: number;
  targetTrials: number;
  withheld: WithheldReason | null;
  bands: PopulationBandRate[];
  /** The performers' language differs from the languages the model was trained on. */
  languageMismatch: { performers: string[]; model: string[] } | null;
  computedAt: string | null;
}

/** What `calibrate --population` (or the Settings button) did: before and after, on the same trials. */
export interface PopulationCalibration {
  modelId: string;
  modelSha256: string;
  enrolmentKey: string;
  calibration: Record<string, unknown>;
  before: PopulationCheck;
  /** Measured on the very trials the calibration was fitted on (in-sample: optimistic). */
  after: PopulationCheck;
  /** Same-session targets among the fit's targets (they flatter it). */
  sameSessionTargets: number;
  warnings: string[];
}
