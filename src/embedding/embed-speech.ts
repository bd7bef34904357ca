import { detectSpeech, embeddingSegments } from '../audio/vad/index.js';
import type { VadResult } from '../audio/vad/index.js';
import { speechSeconds as totalSeconds } from '../audio/vad/segments.js';
import { isSeimonError } from '../core/errors.js';
import type { ClipEmbedding, EmbedOptions, Embedder } from './embedder.js';

export interface SpeechEmbedding {
  vad: VadResult;
  /** Speech as the VAD counts it (tight segments), in seconds. */
  speechSeconds: number;
  /** null when the VAD found no speech the model could be given. */
  clip: ClipEmbedding | null;
}

/**
 * The front-end rule for one stretch of 16 kHz audio (issue 19): speech is counted with the VAD's tight
 * segments; the model is given the wide embedding segments (pauses under a second, word edges kept).
 * `embedFile` applies it per 5-minute block; scripts that hold audio in memory call it directly.
 */
export async function embedSpeech(embedder: Embedder, samples: Float32Array, opts: EmbedOptions = {}): Promise<SpeechEmbedding> {
  const vad = await detectSpeech(samples);
  const speechSeconds = totalSeconds(vad.segments);
  if (speechSeconds === 0) return { vad, speechSeconds, clip: null };
  try {
    return { vad, speechSeconds, clip: await embedder.embed(samples, embeddingSegments(vad, samples.length / 16000), opts) };
  } catch (e) {
    if (isSeimonError(e) && e.code === 'AUDIO_NO_SPEECH') return { vad, speechSeconds, clip: null };
    throw e;
  }
}
