import type { SourceInfo } from '../domain/audio.js';
import { mixToMono } from './mix.js';
import { Resampler } from './resample.js';
import { openAudioStream } from './stream.js';
import type { AudioStream } from './stream.js';
import type { DecodeOptions } from './decode.js';
import type { AudioWarning } from './types.js';

/** The sample rate every speaker model here takes. */
export const SPEECH_RATE = 16000;

export type { SourceInfo };

/** 16 kHz mono audio plus what the original was. */
export interface SpeechAudio {
  samples: Float32Array;
  sampleRate: number;
  source: SourceInfo;
  warnings: AudioWarning[];
}

/** Mixes and resamples a stream chunk by chunk; memory stays bounded by the chunk size. */
export async function* monoChunks(
  stream: AudioStream,
  targetRate = SPEECH_RATE,
): AsyncGenerator<Float32Array> {
  const resampler = new Resampler(stream.sampleRate, targetRate);
  for await (const block of stream.chunks) {
    const out = resampler.push(mixToMono(block));
    if (out.length > 0) yield out;
  }
  const tail = resampler.flush();
  if (tail.length > 0) yield tail;
}

/** Describes the original of a stream. */
export function sourceInfo(stream: AudioStream): SourceInfo {
  return {
    sampleRate: stream.sampleRate,
    channels: stream.channelCount,
    format: stream.format,
    durationSeconds: stream.durationSeconds,
  };
}

/** Decodes a file to canonical 16 kHz mono in memory (fine for clips; stream long files with monoChunks). */
export async function loadSpeechAudio(
  path: string,
  opts: DecodeOptions = {},
): Promise<SpeechAudio> {
  const stream = await openAudioStream(path, opts);
  const parts: Float32Array[] = [];
  let total = 0;
  for await (const c of monoChunks(stream)) {
    parts.push(c);
    total += c.length;
  }
  const samples = new Float32Array(total);
  let at = 0;
  for (const p of parts) {
    samples.set(p, at);
    at += p.length;
  }
  return {
    samples,
    sampleRate: SPEECH_RATE,
    source: sourceInfo(stream),
    warnings: stream.warnings,
  };
}
