import type { Comparison, Performer, Recording, Suspect } from '../../domain/index.js';
import type { CaseDetail } from '../../domain/cases.js';
import type { ModelSummary } from '../../models/manifest.js';
import type { Examiner, PackRedaction } from '../../domain/evidence.js';
import type { VerdictBandSetting } from '../../domain/index.js';
import type { ErrorRates } from '../pack/error-rates.js';
import type { PopulationSection } from '../pack/population.js';
import type { Standing } from '../pack/standing.js';
import type { Lang } from './strings.js';
import type { ReportCapture } from './captures.js';

/** A spectrogram picture of one recording. */
export interface SpectrogramImage {
  recording: Recording;
  png: Buffer;
  width: number;
  height: number;
  /** Spectrogram frames (columns) and the seconds each covers. */
  frames: number;
  frameSeconds: number;
}

/** One performer × suspect comparison with its pictures. */
export interface ReportPair {
  performer: Performer;
  suspect: Suspect;
  comparison: Comparison;
  standing: Standing;
  timelineSvg: string;
  standingSvg: string;
  suspectSpectrogram: SpectrogramImage | null;
  referenceSpectrogram: SpectrogramImage | null;
}

/** Everything a report shows. */
export interface ReportData {
  lang: Lang;
  createdAt: string;
  actor: string;
  softwareVersion: string;
  case: CaseDetail;
  model: ModelSummary;
  errorRates: ErrorRates | null;
  pairs: ReportPair[];
  references: Recording[];
  fingerprint: string;
  /** The signing key's public half (PEM), printed as a QR code beside its fingerprint. */
  publicKeyPem: string;
  /** Hashes of the evidence files (the report files themselves cannot list their own hash). */
  files: { path: string; sha256: string; size: number }[];
  audit: { included: number; total: number; chainVerified: boolean };
  referenceAudioIncluded: boolean;
  redaction: PackRedaction;
  examiner: Examiner;
  tsaUrl: string | null;
  /** The relevant population and validation figures (one object; its `source` says where they come from). */
  population: PopulationSection;
  /** Verdict bands with their labels (reports print labels, never keys). */
  bands: VerdictBandSetting[];
  /** The case's platform as people know it (the catalog name), or null. */
  platformName: string | null;
  /** Pages captured for the case's suspects (see report/captures.ts). */
  captures?: ReportCapture[];
}
