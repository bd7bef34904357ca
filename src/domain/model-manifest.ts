/**
 * What Seimon knows about one installed speaker model. Pure types and constants (no Node imports),
 * so the API contract, and through it the renderer, can use them.
 */
import type { SpeechEerTable } from './short-speech.js';

/** Front-end presets: how audio becomes fbank features for a model (see speaker-models.md). */
export const PRESETS = ['wespeaker', '3dspeaker'] as const;
export type Preset = (typeof PRESETS)[number];

export const DEFAULT_WINDOW_SECONDS = 3;
export const DEFAULT_HOP_SECONDS = 1.5;
export const DEFAULT_SAMPLE_RATE = 16000;
/** Every supported model takes 80 mel bins per frame. */
export const FEATURE_DIM = 80;

/** One tensor dimension as the session reports it: a size, or a symbolic (dynamic) name. */
export type Dim = number | string;

/** A registered model; `file` is relative to the data folder's `models/` directory. */
export interface ModelManifest {
  id: string;
  displayName: string;
  file: string;
  sha256: string;
  sizeBytes: number;
  preset: Preset;
  inputName: string;
  outputName: string;
  inputShape: Dim[];
  outputShape: Dim[];
  embeddingDim: number;
  windowSeconds: number;
  hopSeconds: number;
  sampleRate: number;
  language: string | null;
  licence: string | null;
  sourceUrl: string | null;
  /** Score calibration fitted by the scoring module; null until then. */
  calibration: Record<string, unknown> | null;
  /** Measured EER by speech length, from a bundled model's manifest; absent or null: never measured. */
  eerBySpeech?: SpeechEerTable | null;
  /** The ONNX metadata_props as found in the file (sherpa-onnx keys and others). */
  metadata: Record<string, string>;
  bundled: boolean;
  installedAt: string;
}

/** A model as listed to users: its manifest plus whether it is the default. */
export interface ModelSummary extends ModelManifest {
  isDefault: boolean;
}

export function isPreset(s: unknown): s is Preset {
  return typeof s === 'string' && (PRESETS as readonly string[]).includes(s);
}
