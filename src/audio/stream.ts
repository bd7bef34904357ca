import { SeimonError } from '../core/errors.js';
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
 * Opens an audio file for chunked reading. WAV is streamed from disk (constant memory, any length);
 * compressed formats are decoded whole first and then handed out in chunks.
 */
export async function openAudioStream(
  path: string,
  opts: DecodeOptions & { chunkFrames?: number } = {},
): Promise<AudioStream> {
  const chunkFrames = opts.chunkFrames ?? DEFAULT_CHUNK_FRAMES;
  const src = fileSource(path);
  let isWav: boolean;
  try {
    if (src.size === 0) throw new SeimonError('AUDIO_EMPTY_FILE', 'The file is empty (0 bytes).');
    isWav = sniffFormat(src.read(0, 65536)) === 'wav';
  } catch (e) {
    src.close();
    throw e;
  }
  if (!isWav) {
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
