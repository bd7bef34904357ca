import { canonicalBlocks } from '../audio/blocks.js';
import { SPEECH_RATE, sourceInfo } from '../audio/pipeline.js';
import type { SourceInfo } from '../audio/pipeline.js';
import { openAudioStream } from '../audio/stream.js';
import type { AudioWarning } from '../audio/types.js';
import { SeimonError } from '../core/errors.js';
import { MIN_SCORED_SPEECH_SECONDS } from '../domain/short-speech.js';
import type { TimeSpan } from './windows.js';
import type { ClipEmbedding, EmbedOptions, Embedder, WindowEmbedding } from './embedder.js';
import { embedSpeech } from './embed-speech.js';
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
 * length; a recording of one block is embedded exactly as a whole (`embedSpeech`: speech counted with
 * the tight VAD segments, the model given the wide ones). A recording with less than
 * MIN_SCORED_SPEECH_SECONDS of speech gets no embedding.
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
    // Windows already embedded are named by their times in the whole recording; the block speaks in its own.
    const known = opts.known;
    const blockOpts = known ? { ...opts, known: (start: number, end: number) => known(start + offset, end + offset) } : opts;
    const { vad, speechSeconds: blockSpeech, clip } = await embedSpeech(embedder, block.samples, blockOpts);
    vadEngine = vad.engine;
    segments.push(...vad.segments.map((s) => ({ start: s.start + offset, end: s.end + offset })));
    if (!clip) continue; // this block is silent; others may speak
    dim = clip.dim;
    speechSeconds += blockSpeech;
    windows.push(...clip.windows.map((w) => ({ ...w, start: w.start + offset, end: w.end + offset })));
  }
  if (windows.length === 0 || speechSeconds === 0) throw new SeimonError('AUDIO_NO_SPEECH', 'No speech was found in this recording.');
  if (speechSeconds < MIN_SCORED_SPEECH_SECONDS)
    throw new SeimonError(
      'AUDIO_TOO_SHORT',
      `Only ${speechSeconds.toFixed(1)} s of speech: Seimon scores recordings with at least ${MIN_SCORED_SPEECH_SECONDS} s of speech.`,
      { speechSeconds: Math.round(speechSeconds * 100) / 100, minSpeechSeconds: MIN_SCORED_SPEECH_SECONDS },
    );
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
