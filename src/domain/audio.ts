// Pure types of the audio front-end's reports (no code): the contract and the audio layer share them.
import type { ErrorCode } from '../core/errors.js';

/** A condition worth telling the user about where the audio is still usable. */
export interface AudioWarning {
  code: Extract<ErrorCode, `AUDIO_${string}`>;
  message: string;
}

/** What the bytes turned out to be, detected from content (never from the file name). */
export interface AudioFormat {
  /** Container, e.g. "wav", "flac", "ogg", "mp3", "mp4", "webm". */
  container: string;
  /** Codec, e.g. "pcm_s16le", "pcm_f32le", "flac", "mp3", "vorbis", "opus", "aac". */
  codec: string;
}

/** Where canonical audio came from: what a reviewer needs to know about the original. */
export interface SourceInfo {
  sampleRate: number;
  channels: number;
  format: AudioFormat;
  durationSeconds: number;
}

/** A stretch of speech, in seconds. */
export interface SpeechSegment {
  start: number;
  end: number;
}

export type VadEngine = 'silero' | 'energy';

/** What a reviewer needs to judge whether a recording is fit for comparison. */
export interface QualityReport {
  source: SourceInfo;
  durationSeconds: number;
  speechSeconds: number;
  speechSegments: SpeechSegment[];
  vadEngine: VadEngine;
  snrDb: number | null;
  clippingRatio: number;
  dcOffset: number;
  peakDbfs: number;
  rmsDbfs: number;
  loudnessLufs: number | null;
  spectralFlatness: number;
  zeroCrossingRate: number;
  spectralCentroidHz: number;
  musicOrNoiseSuspected: boolean;
  warnings: AudioWarning[];
}
