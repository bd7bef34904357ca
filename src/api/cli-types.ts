/** Result types of the CLI-only operations (type-only imports: safe for any importer of the contract). */
import type { AcceptedModel } from '../models/accept.js';
import type { ModelCheck } from '../models/verify.js';
import type { QualityReport } from '../audio/probe.js';
import type { SourceInfo } from '../audio/pipeline.js';
import type { AudioWarning } from '../audio/types.js';

export type ImportedModel = AcceptedModel;
export type { ModelCheck, QualityReport, AudioWarning, SourceInfo };
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
