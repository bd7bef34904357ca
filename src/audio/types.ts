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

/** Fully decoded audio: one Float32Array per channel, samples in [-1, 1]. */
export interface DecodedAudio {
  sampleRate: number;
  channels: Float32Array[];
  format: AudioFormat;
  durationSeconds: number;
  warnings: AudioWarning[];
}

/** Largest sample rate accepted (DXD/"ultra high resolution" tops out at 384 kHz). */
export const MAX_SAMPLE_RATE = 384_000;
/** Largest channel count accepted (beyond this it is almost surely a corrupt header). */
export const MAX_CHANNELS = 32;
