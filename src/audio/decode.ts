import { readFileSync, statSync } from 'node:fs';
import { SeimonError, isSeimonError } from '../core/errors.js';
import { bufferSource } from './byte-source.js';
import { decodeWithFfmpeg, ffmpegMissing, findFfmpeg } from './ffmpeg.js';
import { decodeWithLibrary, libFormatOf } from './lib-decode.js';
import { NonFiniteGuard } from './sanitize.js';
import { sniffFormat } from './sniff.js';
import type { SniffedFormat } from './sniff.js';
import type { AudioWarning, DecodedAudio } from './types.js';
import { MAX_CHANNELS, MAX_SAMPLE_RATE } from './types.js';
import { decodeWav } from './wav.js';
import { MAX_DECODED_SECONDS } from './chunked.js';

/** Compressed files above this are refused for whole-file decoding (they would decode to many GB). */
export const MAX_COMPRESSED_BYTES = 512 * 2 ** 20;
/** In-memory decodes are capped at 2^28 samples (1 GiB of float32); longer WAVs must be streamed. */
export const MAX_DECODED_SAMPLES = 2 ** 28;

export interface DecodeOptions {
  /** Refuse audio longer than this (default MAX_DECODED_SECONDS); checked while decoding, not after. */
  maxSeconds?: number;
  /** ffmpeg to fall back on; defaults to $SEIMON_FFMPEG or PATH. `null` disables the fallback. */
  ffmpeg?: string | null;
}

/** Checks what a decoder returned before anything downstream trusts it. */
export function validateDecoded(sampleRate: number, channels: Float32Array[]): void {
  // Nothing decoded: the decoder's rate is meaningless then (0 Hz), the file is what is wrong.
  if (channels.length === 0 || channels[0]!.length === 0) {
    throw new SeimonError('AUDIO_NO_AUDIO', 'The file contains no decodable audio samples (it may be truncated or damaged).');
  }
  if (channels[0]!.length / sampleRate > MAX_DECODED_SECONDS) {
    throw new SeimonError('AUDIO_TOO_LONG', `The audio is longer than the ${MAX_DECODED_SECONDS / 3600} h Seimon decodes; split it first.`);
  }
  if (!(Number.isInteger(sampleRate) && sampleRate > 0 && sampleRate <= MAX_SAMPLE_RATE)) {
    throw new SeimonError(
      'AUDIO_BAD_SAMPLE_RATE',
      `The audio declares a sample rate of ${sampleRate} Hz; expected 1..${MAX_SAMPLE_RATE} Hz.`,
    );
  }
  if (channels.length > MAX_CHANNELS) {
    throw new SeimonError(
      'AUDIO_TOO_MANY_CHANNELS',
      `The audio has ${channels.length} channels; at most ${MAX_CHANNELS} are supported.`,
    );
  }
  if (channels.length === 0 || channels[0]!.length === 0) {
    throw new SeimonError('AUDIO_NO_AUDIO', 'The file contains no decodable audio samples.');
  }
}

async function decodeCompressed(
  bytes: Uint8Array,
  sniffed: SniffedFormat,
  opts: DecodeOptions,
): Promise<DecodedAudio> {
  const format = libFormatOf(sniffed);
  let libError: unknown;
  if (format !== undefined) {
    try {
      const { channelData, sampleRate } = await decodeWithLibrary(bytes, sniffed);
      validateDecoded(sampleRate, channelData);
      const warnings: AudioWarning[] = [];
      const guard = new NonFiniteGuard();
      guard.check(channelData);
      guard.finish(warnings);
      return {
        sampleRate,
        channels: channelData,
        format,
        durationSeconds: channelData[0]!.length / sampleRate,
        warnings,
      };
    } catch (e) {
      if (isSeimonError(e) && e.code !== 'AUDIO_NO_AUDIO') throw e;
      libError = e;
    }
  }
  const ffmpeg = opts.ffmpeg === undefined ? findFfmpeg() : opts.ffmpeg;
  const what = format ? `This ${format.container}/${format.codec} file` : `This ${sniffed} file`;
  // The in-process decoder found not one whole frame in a file it knows: cut short or damaged.
  const noFrames = isSeimonError(libError) && libError.code === 'AUDIO_NO_AUDIO';
  if (!ffmpeg) {
    if (libError === undefined) throw ffmpegMissing(what);
    if (noFrames) throw new SeimonError('AUDIO_NO_AUDIO', `${what} has no complete audio frame.`);
    const reason = libError instanceof Error ? libError.message : String(libError);
    throw new SeimonError(
      'AUDIO_DECODE_FAILED',
      `${what} could not be decoded (${reason}). It may be damaged; installing ffmpeg (or setting SEIMON_FFMPEG) enables a second decoder.`,
    );
  }
  let decoded: DecodedAudio;
  try {
    decoded = await decodeWithFfmpeg(ffmpeg, bytes, what.replace(/^This/, 'this'));
  } catch (e) {
    if (noFrames) throw new SeimonError('AUDIO_NO_AUDIO', `${what} has no complete audio frame (ffmpeg agrees).`);
    throw e;
  }
  validateDecoded(decoded.sampleRate, decoded.channels);
  return { ...decoded, format: format ?? { container: sniffed, codec: 'ffmpeg' } };
}

/** Decodes audio bytes of any supported format (detected from content) to float channels. */
export async function decodeAudio(
  bytes: Uint8Array,
  opts: DecodeOptions = {},
): Promise<DecodedAudio> {
  const sniffed = sniffFormat(bytes.subarray(0, 65536));
  if (sniffed === 'wav') {
    try {
      const src = bufferSource(bytes);
      return decodeWav(src);
    } catch (e) {
      // PCM/float WAV is ours; other WAV codecs (ADPCM, A-law, ...) go to ffmpeg when present.
      if (!(isSeimonError(e) && e.code === 'AUDIO_UNSUPPORTED_CODEC')) throw e;
      const ffmpeg = opts.ffmpeg === undefined ? findFfmpeg() : opts.ffmpeg;
      if (!ffmpeg) throw ffmpegMissing(`This WAV file (${e.message})`);
      return decodeWithFfmpeg(ffmpeg, bytes, 'this WAV file');
    }
  }
  if (bytes.length > MAX_COMPRESSED_BYTES) {
    throw new SeimonError(
      'AUDIO_TOO_LARGE',
      `The file is ${Math.round(bytes.length / 2 ** 20)} MiB; compressed files over 512 MiB are not accepted. Split it first.`,
    );
  }
  try {
    return await decodeCompressed(bytes, sniffed, opts);
  } catch (e) {
    // A recognised compressed file without one whole frame (every decoder agrees): cut short or damaged.
    if (isSeimonError(e) && e.code === 'AUDIO_NO_AUDIO') {
      throw new SeimonError('AUDIO_TRUNCATED', `This ${sniffed} file has no complete audio frame: it is truncated or damaged.`);
    }
    throw e;
  }
}

/** Decodes a file from disk; see decodeAudio. WAVs too large for memory need openAudioStream. */
export async function decodeAudioFile(
  path: string,
  opts: DecodeOptions = {},
): Promise<DecodedAudio> {
  const size = statSync(path).size;
  if (size === 0) throw new SeimonError('AUDIO_EMPTY_FILE', 'The file is empty (0 bytes).');
  if (size > MAX_DECODED_SAMPLES * 4) {
    throw new SeimonError(
      'AUDIO_TOO_LARGE',
      `The file is ${Math.round(size / 2 ** 20)} MiB: too large to decode in memory; stream it instead.`,
    );
  }
  return decodeAudio(readFileSync(path), opts);
}
