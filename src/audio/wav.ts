import type { ByteSource } from './byte-source.js';
import { NonFiniteGuard } from './sanitize.js';
import type { DecodedAudio } from './types.js';
import { parseWavHeader } from './wav-header.js';
import type { WavInfo } from './wav-header.js';
import { wavBytesToChannels } from './wav-samples.js';

/** Default streaming block: one second at 48 kHz keeps chunks large enough to be cheap per call. */
export const DEFAULT_CHUNK_FRAMES = 65536;

/** Yields the WAV's samples in blocks of whole frames, reading the file as it goes. */
export function* readWavChunks(
  src: ByteSource,
  info: WavInfo,
  chunkFrames = DEFAULT_CHUNK_FRAMES,
): Generator<Float32Array[]> {
  for (let f = 0; f < info.frames; f += chunkFrames) {
    const n = Math.min(chunkFrames, info.frames - f);
    yield wavBytesToChannels(
      src.read(info.dataOffset + f * info.blockAlign, n * info.blockAlign),
      info,
    );
  }
}

/** Decodes a whole WAV with the project's own parser. */
export function decodeWav(src: ByteSource): DecodedAudio {
  const info = parseWavHeader(src);
  const channels = wavBytesToChannels(
    src.read(info.dataOffset, info.frames * info.blockAlign),
    info,
  );
  const warnings = [...info.warnings];
  const guard = new NonFiniteGuard();
  guard.check(channels);
  guard.finish(warnings);
  return {
    sampleRate: info.sampleRate,
    channels,
    format: { container: 'wav', codec: info.codec },
    durationSeconds: info.frames / info.sampleRate,
    warnings,
  };
}
