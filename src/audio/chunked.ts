// Compressed audio decoded piece by piece (MP3, Ogg Vorbis/Opus, FLAC): the file is fed to the wasm
// decoder in small reads and the samples are handed on as they come, so memory stays flat however long
// the audio is, and a file that decodes to more than the allowed duration (a "decompression bomb": hours
// of silence in a few MB) is refused as soon as it passes the limit, before it fills memory.
// FLAC goes to libFLAC's wasm build (@wasm-audio-decoders/flac) directly: audio-decode's own FLAC wrapper
// drops frames when fed in pieces (the last frame always, more at chunk boundaries of highly compressed
// audio), while the decoder under it, fed the same pieces and flushed at the end, gives every sample.
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import decode from 'audio-decode';
import { SeimonError } from '../core/errors.js';
import type { ByteSource } from './byte-source.js';
import { NonFiniteGuard } from './sanitize.js';
import type { SniffedFormat } from './sniff.js';
import type { AudioFormat, AudioWarning } from './types.js';
import { MAX_CHANNELS, MAX_SAMPLE_RATE } from './types.js';

/** Longest audio Seimon decodes (a 3-hour recording fits with room to spare). */
export const MAX_DECODED_SECONDS = 4 * 3600;

/** Formats whose decoders produce samples as the bytes arrive. */
const CHUNKED: Partial<Record<SniffedFormat, { lib: 'flac' | 'mp3' | 'oga' | 'opus'; format: AudioFormat }>> = {
  flac: { lib: 'flac', format: { container: 'flac', codec: 'flac' } },
  mp3: { lib: 'mp3', format: { container: 'mp3', codec: 'mp3' } },
  'ogg-vorbis': { lib: 'oga', format: { container: 'ogg', codec: 'vorbis' } },
  'ogg-opus': { lib: 'opus', format: { container: 'ogg', codec: 'opus' } },
};

/**
 * How many bytes to feed the decoder next: about BLOCK_FRAMES of audio at the ratio seen so far, so a
 * file that decodes to far more than its size (silence) is fed in small pieces and no block is huge.
 */
const BLOCK_FRAMES = 1 << 18;
const MIN_READ = 4 * 1024;
const MAX_READ = 256 * 1024;

/** Decoded samples of one piece; a call without bytes flushes what is left and frees the decoder. */
type PieceDecoder = ((bytes?: Uint8Array) => Promise<{ channelData: Float32Array[]; sampleRate: number }>) & { free(): void };

/** libFLAC fed piece by piece: frames that straddle a piece wait for the next, the flush gives the last. */
async function flacPieceDecoder(): Promise<PieceDecoder> {
  const flac = new FLACDecoder();
  await flac.ready;
  let freed = false;
  const free = () => {
    if (!freed) flac.free();
    freed = true;
  };
  const run = async (bytes?: Uint8Array) => {
    if (freed) throw new Error('The FLAC decoder was already freed');
    let r;
    try {
      r = bytes ? await flac.decode(bytes) : await flac.flush();
    } finally {
      if (!bytes) free();
    }
    // A frame libFLAC could not decode is skipped and reported: losing audio silently is not an option.
    const bad = r.errors[0];
    if (bad) throw new Error(`FLAC frame ${bad.frameNumber} at byte ${bad.inputBytes}: ${bad.message}`);
    return { channelData: r.channelData, sampleRate: r.sampleRate };
  };
  return Object.assign(run, { free });
}

async function pieceDecoder(lib: 'flac' | 'mp3' | 'oga' | 'opus'): Promise<PieceDecoder> {
  return lib === 'flac' ? flacPieceDecoder() : decode[lib]();
}

export function decodesInChunks(sniffed: SniffedFormat): boolean {
  return CHUNKED[sniffed] !== undefined;
}

export interface ChunkedAudio {
  sampleRate: number;
  channelCount: number;
  format: AudioFormat;
  /** Declared by the header when it says (FLAC), else null until the end. */
  declaredSeconds: number | null;
  warnings: AudioWarning[];
  /** Frames handed out so far (the duration once iteration ends). */
  framesSoFar(): number;
  chunks: AsyncIterable<Float32Array[]>;
}

/** FLAC's STREAMINFO states the sample rate and total samples (0 = unknown) in its first bytes. */
function flacDeclaredFrames(src: ByteSource): { rate: number; frames: number } | null {
  const b = src.read(0, 42);
  if (b.length < 42 || String.fromCharCode(b[0]!, b[1]!, b[2]!, b[3]!) !== 'fLaC' || (b[4]! & 0x7f) !== 0) return null;
  const s = 8; // STREAMINFO body
  const rate = (b[s + 10]! << 12) | (b[s + 11]! << 4) | (b[s + 12]! >> 4);
  const frames = (b[s + 13]! & 0x0f) * 2 ** 32 + ((b[s + 14]! << 24) >>> 0) + (b[s + 15]! << 16) + (b[s + 16]! << 8) + b[s + 17]!;
  return { rate, frames };
}

const tooLong = (seconds: number, max: number) =>
  new SeimonError(
    'AUDIO_TOO_LONG',
    `The audio ${seconds === Infinity ? 'runs' : `is ${(seconds / 3600).toFixed(1)} h`} longer than the ${max / 3600} h Seimon decodes; split it first.`,
  );

/**
 * Refuses a FLAC whose STREAMINFO states a length over the limit, before anything is decoded. One that
 * hides its length (total samples 0) is counted as it streams and refused once it passes the limit.
 */
export function checkFlacLength(src: ByteSource, maxSeconds = MAX_DECODED_SECONDS): void {
  const declared = flacDeclaredFrames(src);
  if (declared && declared.rate > 0 && declared.frames / declared.rate > maxSeconds) throw tooLong(declared.frames / declared.rate, maxSeconds);
}

/**
 * Opens an MP3, Ogg or FLAC file for chunked decoding. Reads until the first samples arrive (to learn the
 * rate and channels); a file that ends first is truncated or damaged (AUDIO_TRUNCATED).
 */
export async function openChunked(
  src: ByteSource,
  sniffed: SniffedFormat,
  opts: { maxSeconds?: number | undefined; chunkFrames: number },
): Promise<ChunkedAudio> {
  const entry = CHUNKED[sniffed];
  if (!entry) throw new SeimonError('AUDIO_UNSUPPORTED_CODEC', `No chunked decoder for ${sniffed}.`);
  const maxSeconds = opts.maxSeconds ?? MAX_DECODED_SECONDS;

  const dec = await pieceDecoder(entry.lib);
  let offset = 0;
  let ended = false;
  let readBytes = 16 * 1024;
  /** Next decoded block (possibly empty), or null at the very end (after the flush). */
  const next = async (): Promise<{ channelData: Float32Array[]; sampleRate: number } | null> => {
    if (ended) return null;
    if (offset >= src.size) {
      ended = true;
      return dec(); // flush and free
    }
    const bytes = src.read(offset, readBytes);
    offset += bytes.length;
    const out = await dec(bytes);
    const frames = out.channelData[0]?.length ?? 0;
    if (frames > 0) readBytes = Math.max(MIN_READ, Math.min(MAX_READ, Math.floor((BLOCK_FRAMES * bytes.length) / frames)));
    return out;
  };
  let first: { channelData: Float32Array[]; sampleRate: number } | null = null;
  try {
    for (;;) {
      const r = await next();
      if (r === null) break;
      if (r.channelData.length > 0 && (r.channelData[0]?.length ?? 0) > 0) {
        first = r;
        break;
      }
    }
  } catch (e) {
    if (!ended) dec.free();
    throw e;
  }
  if (!first) {
    if (!ended) dec.free();
    throw new SeimonError(
      'AUDIO_TRUNCATED',
      `This ${entry.format.container} file ends before any complete audio frame: it is truncated or damaged.`,
    );
  }
  const { sampleRate } = first;
  const channelCount = first.channelData.length;
  if (!(Number.isInteger(sampleRate) && sampleRate > 0 && sampleRate <= MAX_SAMPLE_RATE)) {
    if (!ended) dec.free();
    throw new SeimonError('AUDIO_BAD_SAMPLE_RATE', `The audio declares a sample rate of ${sampleRate} Hz; expected 1..${MAX_SAMPLE_RATE} Hz.`);
  }
  if (channelCount > MAX_CHANNELS) {
    if (!ended) dec.free();
    throw new SeimonError('AUDIO_TOO_MANY_CHANNELS', `The audio has ${channelCount} channels; at most ${MAX_CHANNELS} are supported.`);
  }
  const maxFrames = maxSeconds * sampleRate;
  // FLAC states its length: a file that decodes to less is damaged (libFLAC skips what it cannot read).
  const declared = sniffed === 'flac' ? flacDeclaredFrames(src) : null;
  const declaredFrames = declared && declared.rate === sampleRate && declared.frames > 0 ? declared.frames : null;
  const warnings: AudioWarning[] = [];
  let frames = 0;
  const firstBlock = first.channelData;
  async function* chunks(): AsyncGenerator<Float32Array[]> {
    const guard = new NonFiniteGuard();
    try {
      let block: Float32Array[] | null = firstBlock;
      while (block !== null) {
        if (block.length > 0 && block[0]!.length > 0) {
          if (block.length !== channelCount) throw new SeimonError('AUDIO_DECODE_FAILED', 'The channel count changes part-way through the file; it is damaged.');
          frames += block[0]!.length;
          if (frames > maxFrames) throw tooLong(Infinity, maxSeconds);
          guard.check(block);
          for (let i = 0; i < block[0]!.length; i += opts.chunkFrames) yield block.map((c) => c.subarray(i, i + opts.chunkFrames));
        }
        const r = await next();
        block = r === null ? null : r.channelData;
      }
      if (declaredFrames !== null && frames < declaredFrames)
        throw new SeimonError(
          'AUDIO_DECODE_FAILED',
          `Only ${(frames / sampleRate).toFixed(1)} s of the ${(declaredFrames / sampleRate).toFixed(1)} s this FLAC file declares could be decoded; it is damaged.`,
        );
      guard.finish(warnings);
    } finally {
      if (!ended) {
        ended = true;
        dec.free();
      }
    }
  }
  return {
    sampleRate,
    channelCount,
    format: entry.format,
    declaredSeconds: declaredFrames === null ? null : declaredFrames / sampleRate,
    warnings,
    framesSoFar: () => frames,
    chunks: chunks(),
  };
}
