import { canonicalBlocks } from '../audio/blocks.js';
import { SPEECH_RATE, sourceInfo } from '../audio/pipeline.js';
import type { SourceInfo } from '../audio/pipeline.js';
import { openAudioStream } from '../audio/stream.js';
import type { AudioWarning } from '../audio/types.js';
import { detectSpeech } from '../audio/vad/index.js';
import { SeimonError, isSeimonError } from '../core/errors.js';
import type { TimeSpan } from './windows.js';
import type { ClipEmbedding, EmbedOptions, Embedder, WindowEmbedding } from './embedder.js';
import { meanOfNormalized } from './vectors.js';

export interface FileEmbedding extends ClipEmbedding {
  source: SourceInfo;
  warnings: AudioWarning[];
  /** Speech found by VAD, in seconds of the original. */
  segments: TimeSpan[];
  vadEngine: string;
}

/**
 * Decodes a file, finds its speech and embeds it: the whole front-end for one recording. Long
 * recordings go through in 5-minute blocks (VAD and windows per block), so memory stays flat with
 * length; a recording of one block is embedded exactly as a whole.
 */
export async function embedFile(embedder: Embedder, path: string, opts: EmbedOptions = {}): Promise<FileEmbedding> {
  const stream = await openAudioStream(path);
  const segments: TimeSpan[] = [];
  const windows: WindowEmbedding[] = [];
  let speechSeconds = 0;
  let dim = 0;
  let vadEngine = 'energy';
  for await (const block of canonicalBlocks(stream)) {
    const offset = block.start / SPEECH_RATE;
    const vad = await detectSpeech(block.samples);
    vadEngine = vad.engine;
    const blockSegments = vad.segments.map((s) => ({ start: s.start, end: s.end }));
    segments.push(...blockSegments.map((s) => ({ start: s.start + offset, end: s.end + offset })));
    let clip: ClipEmbedding;
    try {
      clip = await embedder.embed(block.samples, blockSegments, opts);
    } catch (e) {
      if (isSeimonError(e) && e.code === 'AUDIO_NO_SPEECH') continue; // this block is silent; others may speak
      throw e;
    }
    dim = clip.dim;
    speechSeconds += clip.speechSeconds;
    windows.push(...clip.windows.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })));
  }
  if (windows.length === 0)
    throw new SeimonError('AUDIO_NO_SPEECH', 'Not enough speech to compute a voiceprint (at least 0.5 s of speech is needed)');
  return {
    dim,
    embedding: meanOfNormalized(windows.map((w) => w.embedding)),
    windows,
    speechSeconds,
    source: sourceInfo(stream),
    warnings: stream.warnings,
    segments,
    vadEngine,
  };
}
