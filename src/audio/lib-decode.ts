import decode from 'audio-decode';
import { SeimonError } from '../core/errors.js';
import type { SniffedFormat } from './sniff.js';
import type { AudioFormat } from './types.js';

type LibFormat = 'mp3' | 'flac' | 'opus' | 'oga' | 'm4a' | 'aac' | 'aiff' | 'caf' | 'webm';

/** How each sniffed format maps onto audio-decode's wasm decoders (undefined: not handled there). */
const LIB_FORMATS: Partial<Record<SniffedFormat, { lib: LibFormat; format: AudioFormat }>> = {
  flac: { lib: 'flac', format: { container: 'flac', codec: 'flac' } },
  mp3: { lib: 'mp3', format: { container: 'mp3', codec: 'mp3' } },
  'ogg-vorbis': { lib: 'oga', format: { container: 'ogg', codec: 'vorbis' } },
  'ogg-opus': { lib: 'opus', format: { container: 'ogg', codec: 'opus' } },
  webm: { lib: 'webm', format: { container: 'webm', codec: 'opus/vorbis' } },
  mp4: { lib: 'm4a', format: { container: 'mp4', codec: 'aac' } },
  'aac-adts': { lib: 'aac', format: { container: 'adts', codec: 'aac' } },
  aiff: { lib: 'aiff', format: { container: 'aiff', codec: 'pcm' } },
  caf: { lib: 'caf', format: { container: 'caf', codec: 'caf' } },
};

/** The container/codec names audio-decode would report for a sniffed format, if it handles it. */
export function libFormatOf(sniffed: SniffedFormat): AudioFormat | undefined {
  return LIB_FORMATS[sniffed]?.format;
}

/** Decodes a whole compressed file in-process with audio-decode's wasm decoder for that format. */
export async function decodeWithLibrary(
  bytes: Uint8Array,
  sniffed: SniffedFormat,
): Promise<{ channelData: Float32Array[]; sampleRate: number }> {
  const entry = LIB_FORMATS[sniffed];
  if (entry === undefined)
    throw new SeimonError('AUDIO_UNSUPPORTED_CODEC', `No in-process decoder for ${sniffed}.`);
  const dec = await decode[entry.lib]();
  const parts: Float32Array[][] = [];
  let sampleRate = 0;
  try {
    for (const r of [await dec(bytes), await dec()]) {
      if (r.channelData.length === 0) continue;
      sampleRate = r.sampleRate;
      parts.push(r.channelData);
    }
  } catch (e) {
    dec.free();
    throw e;
  }
  return { channelData: concatParts(parts), sampleRate };
}

function concatParts(parts: Float32Array[][]): Float32Array[] {
  if (parts.length === 1) return parts[0]!;
  const channels = Math.max(0, ...parts.map((p) => p.length));
  const out: Float32Array[] = [];
  for (let c = 0; c < channels; c++) {
    const len = parts.reduce((s, p) => s + (p[c]?.length ?? 0), 0);
    const ch = new Float32Array(len);
    let at = 0;
    for (const p of parts) {
      const src = p[c];
      if (src) ch.set(src, at);
      at += src?.length ?? 0;
    }
    out.push(ch);
  }
  return out;
}
