import { SeimonError, isSeimonError } from '../core/errors.js';
import type { ByteSource } from './byte-source.js';
import { MAX_DECODED_SECONDS, checkFlacLength, decodesInChunks, openChunked } from './chunked.js';
import type { ChunkedAudio } from './chunked.js';
import type { SniffedFormat } from './sniff.js';
import { fileSource } from './byte-source.js';
import { decodeAudioFile } from './decode.js';
import type { DecodeOptions } from './decode.js';
import { NonFiniteGuard } from './sanitize.js';
import { sniffFormat } from './sniff.js';
import type { AudioFormat, AudioWarning } from './types.js';
import { DEFAULT_CHUNK_FRAMES, readWavChunks } from './wav.js';
import { parseWavHeader } from './wav-header.js';

/** Audio read piece by piece; `warnings` fills in as the chunks are read. */
export interface AudioStream {
  sampleRate: number;
  channelCount: number;
  format: AudioFormat;
  durationSeconds: number;
  warnings: AudioWarning[];
  /** Blocks of per-channel samples, in order. Can be iterated once. */
  chunks: AsyncIterable<Float32Array[]>;
}

/**
 * Opens an audio file for chunked reading. WAV is streamed from disk and MP3, Ogg and FLAC decoded
 * piece by piece (constant memory, any length); other compressed formats are decoded whole first and
 * then handed out in chunks.
 */
export async function openAudioStream(
  path: string,
  opts: DecodeOptions & { chunkFrames?: number } = {},
): Promise<AudioStream> {
  const chunkFrames = opts.chunkFrames ?? DEFAULT_CHUNK_FRAMES;
  const src = fileSource(path);
  let sniffed: SniffedFormat;
  try {
    if (src.size === 0) throw new SeimonError('AUDIO_EMPTY_FILE', 'The file is empty (0 bytes).');
    sniffed = sniffFormat(src.read(0, 65536));
  } catch (e) {
    src.close();
    throw e;
  }
  if (sniffed !== 'wav' && decodesInChunks(sniffed)) {
    try {
      if (sniffed === 'flac') checkFlacLength(src, opts.maxSeconds);
      return chunkedStream(src, await openChunked(src, sniffed, { maxSeconds: opts.maxSeconds, chunkFrames }));
    } catch (e) {
      src.close();
      // The wasm decoder gave up on something it should read: let the whole-file path try ffmpeg.
      if (isSeimonError(e)) throw e;
      return openViaWholeDecode(path, opts, chunkFrames);
    }
  }
  if (sniffed !== 'wav') {
    src.close();
    return openViaWholeDecode(path, opts, chunkFrames);
  }
  let info;
  try {
    info = parseWavHeader(src);
  } catch (e) {
    src.close();
    if (e instanceof SeimonError && e.code === 'AUDIO_UNSUPPORTED_CODEC')
      return openViaWholeDecode(path, opts, chunkFrames);
    throw e;
  }
  if (info.frames === 0) {
    src.close();
    throw new SeimonError('AUDIO_NO_AUDIO', 'The WAV file has a valid header but no audio frames (0 samples).');
  }
  const maxSeconds = opts.maxSeconds ?? MAX_DECODED_SECONDS;
  if (info.frames / info.sampleRate > maxSeconds) {
    src.close();
    throw new SeimonError('AUDIO_TOO_LONG', `The audio is ${(info.frames / info.sampleRate / 3600).toFixed(1)} h long; Seimon decodes at most ${maxSeconds / 3600} h. Split it first.`);
  }
  const warnings = [...info.warnings];
  const wavInfo = info;
  return {
    sampleRate: info.sampleRate,
    channelCount: info.channels,
    format: { container: 'wav', codec: info.codec },
    durationSeconds: info.frames / info.sampleRate,
    warnings,
    chunks: (async function* () {
      const guard = new NonFiniteGuard();
      try {
        for (const block of readWavChunks(src, wavInfo, chunkFrames)) {
          guard.check(block);
          yield block;
        }
        guard.finish(warnings);
      } finally {
        src.close();
      }
    })(),
  };
}

/** A chunked decode as an AudioStream; its duration is exact once the chunks have been read. */
function chunkedStream(src: ByteSource, c: ChunkedAudio): AudioStream {
  let done = false;
  return {
    sampleRate: c.sampleRate,
    channelCount: c.channelCount,
    format: c.format,
    get durationSeconds() {
      return done || c.declaredSeconds === null ? c.framesSoFar() / c.sampleRate : c.declaredSeconds;
    },
    warnings: c.warnings,
    chunks: (async function* () {
      try {
        yield* c.chunks;
        done = true;
      } catch (e) {
        if (isSeimonError(e)) throw e;
        throw new SeimonError('AUDIO_DECODE_FAILED', `The ${c.format.container} file could not be decoded past ${(c.framesSoFar() / c.sampleRate).toFixed(1)} s (${(e as Error).message}); it may be damaged.`);
      } finally {
        src.close();
      }
    })(),
  };
}

async function openViaWholeDecode(
  path: string,
  opts: DecodeOptions,
  chunkFrames: number,
): Promise<AudioStream> {
  const decoded = await decodeAudioFile(path, opts);
  const { channels } = decoded;
  return {
    sampleRate: decoded.sampleRate,
    channelCount: channels.length,
    format: decoded.format,
    durationSeconds: decoded.durationSeconds,
    warnings: decoded.warnings,
    chunks: (async function* () {
      const n = channels[0]?.length ?? 0;
      for (let i = 0; i < n; i += chunkFrames)
        yield channels.map((c) => c.subarray(i, i + chunkFrames));
    })(),
  };
}
