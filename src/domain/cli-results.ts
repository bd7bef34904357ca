/**
 * Results of the CLI-only operations (they take file paths, so the IPC route refuses them): plain
 * JSON-shaped types, so the contract stays free of Node types.
 */
import type { PopulationFigures } from './population.js';
import type { ModelRef, ScoreReading } from './workbench.js';

export interface FileSummary {
  file: string;
  speechSeconds: number;
  windows: { start: number; end: number }[];
  source: { sampleRate: number; channels: number; format: { container: string; codec: string }; durationSeconds: number };
  warnings: { code: string; message: string }[];
}

export interface FileEmbeddingResult extends FileSummary {
  model: { id: string; sha256: string };
  dim: number;
  embedding: number[];
}

/** `seimon compare A B`: two recordings scored as the app scores a performer against a suspect. */
export interface FilesComparison {
  model: ModelRef;
  reading: ScoreReading;
  population: PopulationFigures;
  meaning: string;
  notes: string[];
  a: FileSummary;
  b: FileSummary;
}

export interface BandRateReport {
  key: string;
  minPercent: number;
  llrThreshold: number;
  falseMatchRate: number;
  missRate: number;
}

/** `seimon eval` / `seimon calibrate --trials`: what was scored and measured. */
export interface EvaluationReport {
  mode: 'eval' | 'calibrate';
  trialFile: string;
  scoring: 'raw-cosine' | 'app';
  /** With --scoring app: where the cohort came from, in words. */
  cohortSource: string | null;
  model: { id: string; sha256: string; calibrated: boolean; calibration: Record<string, unknown> | null };
  lines: number;
  skipped: { line: number; reason: string; message: string; code?: string }[];
  files: { total: number; cached: number; embedded: number; failed: number };
  shortSpeech: { file: string; speechSeconds: number }[];
  metrics: {
    nTarget: number;
    nNonTarget: number;
    eer: number;
    minDcf: { value: number; threshold: number; pTarget: number; cMiss: number; cFa: number };
    cllr: number | null;
    minCllr: number;
  } | null;
  /** With LLRs: false-match and miss rates at each verdict band's threshold. */
  bands: BandRateReport[] | null;
  notes: string[];
  plots: { dir: string; files: string[] } | null;
  scoresFile: string | null;
  embedSeconds: number;
  /** `calibrate --trials`: the fit and its Cllr before/after. */
  calibration: {
    model: { id: string; sha256: string };
    calibration: Record<string, unknown>;
    nTarget: number;
    nNonTarget: number;
    cllrBefore: number | null;
    cllrAfter: number;
    minCllr: number;
    trialFileSha256: string;
  } | null;
  /** Set when the trials could be scored but not measured (one class left…): the skipped lines explain it. */
  error: { code: string; message: string } | null;
}
