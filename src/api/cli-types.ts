/** Result types of the CLI-only operations: pure types from the ground floor, safe for any importer of the contract. */
import type { AudioWarning, QualityReport, SourceInfo } from '../domain/audio.js';

export type { ImportedModel, ModelCheck } from '../domain/model-checks.js';
export type { AudioWarning, QualityReport, SourceInfo };
export type { DoctorReport, DoctorFinding } from '../domain/doctor.js';

export interface DecodedFileResult {
  out: string;
  seconds: number;
  source: SourceInfo;
  warnings: AudioWarning[];
}

export interface FbankFileResult {
  out: string;
  frames: number;
  bins: number;
  preset: string;
  cmn: boolean;
  warnings: AudioWarning[];
}
