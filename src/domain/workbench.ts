/**
 * Pure types of the workbench (performers' references, suspects, screening, comparison). No imports
 * with runtime code: the renderer sees these through the contract.
 */
import type { PopulationFigures } from './population.js';
import type { FieldSource } from './capture.js';

/** AI uses a performer may allow or refuse (consent / opt-out statement). */
export const AI_USES = ['tts_training', 'voice_cloning', 'character_voice', 'dubbing_localisation', 'advertising', 'parody_fan_work'] as const;
export type AiUse = (typeof AI_USES)[number];

/** What the performer said about AI uses of their voice, when, and where that statement is recorded. */
export interface ConsentStatement {
  /** Uses the performer allows; an empty list means they opted out of every AI use. */
  allowedUses: AiUse[];
  /** Date of the statement (YYYY-MM-DD). */
  statedOn: string | null;
  /** Where it is recorded (contract clause, agency notice URL, email…). */
  source: string | null;
}

export interface QualityWarning {
  code: string;
  message: string;
}

/** The quality report kept with every recording (see `seimon probe`). */
export interface RecordingQuality {
  durationSeconds: number;
  speechSeconds: number;
  snrDb: number | null;
  clippingRatio: number;
  loudnessLufs: number | null;
  musicOrNoiseSuspected: boolean;
  warnings: QualityWarning[];
}

/** One audio file in the content store, as a reference of a performer or a clip of a suspect. */
export interface Recording {
  id: string;
  sha256: string;
  sizeBytes: number;
  /** The name the file had when imported: kept for the record, never used as a path. */
  originalName: string;
  role: 'reference' | 'suspect';
  ownerId: string;
  sampleRate: number;
  channels: number;
  container: string;
  codec: string;
  quality: RecordingQuality;
  /**
   * Why this reference is weak evidence of the performer's voice, as stable keys the UI translates:
   * no-speech, little-speech (< 10 s), noisy (SNR < 15 dB), clipping (> 1 %), music-or-noise,
   * telephone-band (< 16 kHz). Null when it is fine, and always null for suspect clips.
   */
  weakReasons: string[] | null;
  addedAt: string;
}

/** A performer's voiceprint under one model. */
export interface VoiceprintStatus {
  modelId: string;
  modelSha256: string;
  references: number;
  windows: number;
  speechSeconds: number;
  builtAt: string;
  /** References were added or removed since it was built. */
  stale: boolean;
}

/** Same- and different-speaker scores of the population check on shared bins, and one score among them. */
export interface ScoreDistribution {
  /** 'llr' when the scores are calibrated log-likelihood ratios, else normalised or raw scores. */
  kind: 'llr' | 'score';
  /** Left edge of the first bin and the width of every bin, in score units. */
  lo: number;
  binWidth: number;
  /** Trial counts per bin. */
  target: number[];
  nonTarget: number[];
  targetTrials: number;
  nonTargetTrials: number;
  score: number;
  /** Share of different-speaker trials scoring at or above this score (its false-match rate here). */
  nonTargetsAtOrAbove: number | null;
  /** Share of same-speaker trials scoring below it. */
  targetsBelow: number | null;
}

/** A performer's readiness at a glance, under the default model. */
export interface PerformerOverview {
  performerId: string;
  references: number;
  /** References flagged weak (little speech, noise, clipping…). */
  weakReferences: number;
  /** Speech across all references, in seconds (30 s or more is the target). */
  speechSeconds: number;
  voiceprint: 'ready' | 'stale' | 'none';
}

export type SuspectKind = 'voice_model' | 'clip';

/** A suspect AI voice model (service, operator, character) or a single clip found online. */
export interface Suspect {
  id: string;
  kind: SuspectKind;
  label: string;
  service: string | null;
  operator: string | null;
  characterName: string | null;
  url: string | null;
  platform: string | null;
  uploader: string | null;
  postedAt: string | null;
  capturedAt: string | null;
  foundAt: string | null;
  notes: string | null;
  /** Title of the post the voice was found in (from a capture, or typed). */
  postTitle: string | null;
  createdAt: string;
  clips: Recording[];
  /** Fields prefilled from a captured page, with the capture they came from (see captures). */
  fieldSources: FieldSource[];
}

export interface JobStatus {
  id: string;
  kind: 'screening' | 'enrollment' | 'model-install' | 'population-check' | 'evaluation';
  state: 'running' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  /** Estimated seconds left, when it can be estimated. */
  etaSeconds: number | null;
  /** Items that failed (file and reason); the job goes on without them. */
  problems: { item: string; code: string; message: string }[];
  error: { code: string; message: string } | null;
  /** Id of what the job produced (e.g. the screening run). */
  resultId: string | null;
}

/** A score with everything needed to read it honestly. */
export interface ScoreReading {
  rawCosine: number;
  /** AS-norm score against the cohort, when a cohort was available. */
  normalized: number | null;
  /** Calibrated log-likelihood ratio (natural log); null for an uncalibrated model. */
  llr: number | null;
  /** 100 × same-speaker probability at even prior; null for an uncalibrated model. */
  percent: number | null;
  /** Verdict band key (e.g. very-high) or 'uncalibrated'. */
  band: string;
}

export interface ScreeningMatch extends ScoreReading {
  suspectId: string;
  performerId: string;
  rank: number;
}

export interface ModelRef {
  id: string;
  sha256: string;
  calibrated: boolean;
}

export interface ScreeningRun {
  id: string;
  model: ModelRef;
  /** The population check the scores were read under (null for runs from before it existed). */
  population: PopulationFigures | null;
  startedAt: string;
  finishedAt: string | null;
  performers: { id: string; name: string }[];
  /** `platform` names where a single clip was found (runs before it was recorded lack it). */
  suspects: { id: string; label: string; service: string | null; platform?: string | null }[];
  /** Ranked best first: by LLR (same order as %) when calibrated, else by AS-norm when a cohort was used, else by raw cosine. */
  matches: ScreeningMatch[];
  /** Items left out and why (no references, no speech, unreadable clip…). */
  skipped: { id: string; reason: string }[];
}

export interface TimelinePoint extends ScoreReading {
  start: number;
  end: number;
}

export interface Comparison {
  model: ModelRef;
  performer: { id: string; name: string };
  suspect: { id: string; label: string };
  overall: ScoreReading;
  /** Plain-language meaning of the overall score, in the requested language. */
  meaning: string;
  /** Definition of the similarity % (for every report). */
  definition: string;
  timeline: TimelinePoint[];
  /** Stretches of the clip at or above the match threshold; `peak` is in `regionScore` units. */
  regions: { start: number; end: number; peak: number }[];
  /** Which timeline score the regions are cut on: percent when calibrated, else AS-norm or raw cosine. */
  regionScore: 'percent' | 'normalized' | 'rawCosine';
  /** The threshold on `regionScore` (draw it on the timeline). */
  regionThreshold: number;
  suspectRecordingId: string;
  referenceRecordingId: string;
  /** Every usable clip of the suspect and every reference of the performer, for choosing the pair shown. */
  clips: { id: string; name: string; speechSeconds: number }[];
  references: { id: string; name: string; speechSeconds: number }[];
  /** Per-pair scores: each clip against each reference (not the voiceprint), read like the overall score. */
  pairs: PairReading[];
  /** Analysis window and hop of the model (seconds): a clip shorter than a few windows has a flat timeline. */
  windowSeconds: number;
  hopSeconds: number;
  caveats: string[];
  /** Error rates measured at each band's threshold when the model was calibrated; null if unknown. */
  errorRates: BandErrorRateReading[] | null;
  /** Which trials those rates come from (held-out speakers, or the user's calibration trials in-sample). */
  errorRatesBasis: string | null;
  /** The population check on the enrolled performers: its rates, counts, and whether the band is withheld. */
  population: PopulationFigures;
}

/** One suspect clip scored against one reference recording. */
export interface PairReading extends ScoreReading {
  clipId: string;
  referenceId: string;
}

/** False-match and miss rates at one verdict band's threshold. */
export interface BandErrorRateReading {
  key: string;
  minPercent: number;
  /** Share of different-speaker trials scored in this band or above. */
  falseMatchRate: number;
  /** Share of same-speaker trials scored below this band. */
  missRate: number;
}

export interface Waveform {
  durationSeconds: number;
  /** min/max pairs per point, in [-1, 1]. */
  peaks: number[];
}

export interface Spectrogram {
  frames: number;
  bins: number;
  frameSeconds: number;
  /** Row-major [frames, bins] log-mel energies scaled to 0..1. */
  values: number[];
}

export interface VerdictBandSetting {
  key: string;
  minPercent: number;
  labelJa: string;
  labelEn: string;
}

export interface Settings {
  bands: VerdictBandSetting[];
}
