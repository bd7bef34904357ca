import type { AudioFormat, AudioWarning } from '../domain/audio.js';

export type { AudioFormat, AudioWarning };

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
