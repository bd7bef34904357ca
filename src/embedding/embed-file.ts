import { loadSpeechAudio } from '../audio/pipeline.js';
import type { SourceInfo } from '../audio/pipeline.js';
import type { AudioWarning } from '../audio/types.js';
import { detectSpeech } from '../audio/vad/index.js';
import type { TimeSpan } from './windows.js';
import type { ClipEmbedding, EmbedOptions, Embedder } from './embedder.js';

export interface FileEmbedding extends ClipEmbedding {
  source: SourceInfo;
  warnings: AudioWarning[];
  /** Speech found by VAD, in seconds of the original. */
  segments: TimeSpan[];
  vadEngine: string;
}

/** Decodes a file, finds its speech and embeds it: the whole front-end for one recording. */
export async function embedFile(embedder: Embedder, path: string, opts: EmbedOptions = {}): Promise<FileEmbedding> {
  const audio = await loadSpeechAudio(path);
  const vad = await detectSpeech(audio.samples);
  const segments = vad.segments.map((s) => ({ start: s.start, end: s.end }));
  const clip = await embedder.embed(audio.samples, segments, opts);
  return { ...clip, source: audio.source, warnings: audio.warnings, segments, vadEngine: vad.engine };
}
