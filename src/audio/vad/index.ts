import { energyProbabilities, ENERGY_HOP } from './energy.js';
import { EMBEDDING_SEGMENT_RULES, probabilitiesToSegments } from './segments.js';
import type { SpeechSegment } from './segments.js';
import { SILERO_WINDOW, sileroProbabilities } from './silero.js';

export type { SpeechSegment } from './segments.js';
export { speechSeconds } from './segments.js';

import type { VadEngine } from '../../domain/audio.js';

export type { VadEngine };

export interface VadResult {
  engine: VadEngine;
  segments: SpeechSegment[];
  /** Speech probability per hop, for plots and for the quality probe. */
  probabilities: Float32Array;
  hopSeconds: number;
}

/** Finds speech in 16 kHz mono audio with Silero VAD, falling back to the energy detector. */
export async function detectSpeech(
  samples: Float32Array,
  engine: VadEngine | 'auto' = 'auto',
): Promise<VadResult> {
  const duration = samples.length / 16000;
  if (engine !== 'energy') {
    try {
      const probabilities = await sileroProbabilities(samples);
      const hopSeconds = SILERO_WINDOW / 16000;
      return {
        engine: 'silero',
        segments: probabilitiesToSegments(probabilities, hopSeconds, duration),
        probabilities,
        hopSeconds,
      };
    } catch (e) {
      if (engine === 'silero') throw e;
    }
  }
  const probabilities = energyProbabilities(samples);
  const hopSeconds = ENERGY_HOP / 16000;
  return {
    engine: 'energy',
    segments: probabilitiesToSegments(probabilities, hopSeconds, duration),
    probabilities,
    hopSeconds,
  };
}

/** The segments the embedding model is given (wide: pauses under a second and word edges kept). */
export function embeddingSegments(vad: VadResult, durationSeconds: number): SpeechSegment[] {
  return probabilitiesToSegments(vad.probabilities, vad.hopSeconds, durationSeconds, EMBEDDING_SEGMENT_RULES);
}
