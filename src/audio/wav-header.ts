import { SeimonError } from '../core/errors.js';
import type { ByteSource } from './byte-source.js';
import type { AudioWarning } from './types.js';
import { MAX_CHANNELS, MAX_SAMPLE_RATE } from './types.js';

/** What a WAV header says, checked against what the file actually holds. */
export interface WavInfo {
  sampleFormat: 'int' | 'float';
  /** Bytes per sample as stored (container width). */
  bytesPerSample: 1 | 2 | 3 | 4 | 8;
  channels: number;
  sampleRate: number;
  /** Bytes per frame (all channels). */
  blockAlign: number;
  dataOffset: number;
  /** Whole frames present in the file. */
  frames: number;
  codec: string;
  warnings: AudioWarning[];
}

const MAX_CHUNKS = 4096;
const KSDATAFORMAT_PCM = 1;
const KSDATAFORMAT_FLOAT = 3;

function fail(code: `AUDIO_${string}`, message: string): SeimonError {
  return new SeimonError(code, message);
}

function tag(b: Uint8Array): string {
  return String.fromCharCode(b[0] ?? 0, b[1] ?? 0, b[2] ?? 0, b[3] ?? 0);
}

interface FmtChunk {
  formatTag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

function parseFmt(b: Uint8Array): FmtChunk {
  if (b.length < 16) throw fail('AUDIO_TRUNCATED', 'The WAV "fmt " chunk is truncated.');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let formatTag = v.getUint16(0, true);
  // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of its sub-format GUID.
  if (formatTag === 0xfffe) {
    if (b.length < 40)
      throw fail('AUDIO_TRUNCATED', 'The WAVE_FORMAT_EXTENSIBLE header is truncated.');
    formatTag = v.getUint16(24, true);
  }
  return {
    formatTag,
    channels: v.getUint16(2, true),
    sampleRate: v.getUint32(4, true),
    blockAlign: v.getUint16(12, true),
    bitsPerSample: v.getUint16(14, true),
  };
}

function validate(fmt: FmtChunk): Pick<WavInfo, 'sampleFormat' | 'bytesPerSample' | 'codec'> {
  if (fmt.channels === 0) throw fail('AUDIO_BAD_HEADER', 'The WAV header declares 0 channels.');
  if (fmt.channels > MAX_CHANNELS) {
    throw fail(
      'AUDIO_TOO_MANY_CHANNELS',
      `The WAV header declares ${fmt.channels} channels; at most ${MAX_CHANNELS} are supported.`,
    );
  }
  if (fmt.sampleRate === 0 || fmt.sampleRate > MAX_SAMPLE_RATE) {
    throw fail(
      'AUDIO_BAD_SAMPLE_RATE',
      `The WAV header declares a sample rate of ${fmt.sampleRate} Hz; expected 1..${MAX_SAMPLE_RATE} Hz.`,
    );
  }
  const width = fmt.channels > 0 ? fmt.blockAlign / fmt.channels : 0;
  const isFloat = fmt.formatTag === KSDATAFORMAT_FLOAT;
  if (fmt.formatTag !== KSDATAFORMAT_PCM && !isFloat) {
    throw fail(
      'AUDIO_UNSUPPORTED_CODEC',
      `WAV format tag 0x${fmt.formatTag.toString(16)} is not PCM or IEEE float.`,
    );
  }
  const ok = isFloat
    ? width === 4 || width === 8
    : width === 1 || width === 2 || width === 3 || width === 4;
  // The container width (blockAlign) is what matters for reading; bitsPerSample may be smaller
  // (24 valid bits in 32) because samples are left-justified.
  if (!Number.isInteger(width) || !ok || fmt.bitsPerSample > width * 8 || fmt.bitsPerSample === 0) {
    throw fail(
      'AUDIO_UNSUPPORTED_CODEC',
      `Unsupported WAV sample layout: ${fmt.bitsPerSample}-bit ${isFloat ? 'float' : 'PCM'} in ${fmt.blockAlign}-byte frames of ${fmt.channels} channels.`,
    );
  }
  const bytesPerSample = width as WavInfo['bytesPerSample'];
  const codec = isFloat ? `pcm_f${width * 8}le` : width === 1 ? 'pcm_u8' : `pcm_s${width * 8}le`;
  return { sampleFormat: isFloat ? 'float' : 'int', bytesPerSample, codec };
}

/**
 * Parses RIFF/RF64 WAVE headers without reading the sample data. A data chunk that claims more bytes
 * than the file holds is decoded as far as it goes, with an AUDIO_DATA_TRUNCATED warning.
 */
export function parseWavHeader(src: ByteSource): WavInfo {
  if (src.size === 0) throw fail('AUDIO_EMPTY_FILE', 'The file is empty (0 bytes).');
  const riff = src.read(0, 12);
  if (riff.length < 12) throw fail('AUDIO_TRUNCATED', 'The file ends inside its RIFF header.');
  const kind = tag(riff);
  if ((kind !== 'RIFF' && kind !== 'RF64' && kind !== 'BW64') || tag(riff.subarray(8)) !== 'WAVE') {
    throw fail('AUDIO_BAD_HEADER', 'Not a RIFF/WAVE file.');
  }
  let fmt: FmtChunk | undefined;
  let ds64DataSize: number | undefined;
  let dataOffset = -1;
  let declared = 0;
  let pos = 12;
  for (let n = 0; n < MAX_CHUNKS && pos + 8 <= src.size; n++) {
    const h = src.read(pos, 8);
    const id = tag(h);
    const size = new DataView(h.buffer, h.byteOffset, 8).getUint32(4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      if (size > 4096) throw fail('AUDIO_BAD_HEADER', `The WAV "fmt " chunk claims ${size} bytes.`);
      fmt = parseFmt(src.read(body, size));
    } else if (id === 'ds64' && size >= 16) {
      const d = src.read(body, 16);
      if (d.length < 16) throw fail('AUDIO_TRUNCATED', 'The RF64 "ds64" chunk is truncated.');
      const v = new DataView(d.buffer, d.byteOffset, 16);
      ds64DataSize = v.getUint32(8, true) + v.getUint32(12, true) * 2 ** 32;
    } else if (id === 'data') {
      dataOffset = body;
      // 0xFFFFFFFF is what streaming writers leave when they never came back to fill the size in.
      declared = size === 0xffffffff ? (ds64DataSize ?? src.size - body) : size;
      if (fmt !== undefined) break;
    }
    pos = body + size + (size & 1);
  }
  if (fmt === undefined) {
    throw fail(
      pos >= src.size ? 'AUDIO_TRUNCATED' : 'AUDIO_BAD_HEADER',
      'The WAV file has no "fmt " chunk before its end.',
    );
  }
  if (dataOffset < 0)
    throw fail(
      'AUDIO_TRUNCATED',
      'The WAV file has no "data" chunk: it was cut off or is not finished.',
    );
  const checked = validate(fmt);
  const available = Math.max(0, src.size - dataOffset);
  const bytes = Math.min(declared, available);
  const frames = Math.floor(bytes / fmt.blockAlign);
  const warnings: AudioWarning[] = [];
  if (declared > available) {
    warnings.push({
      code: 'AUDIO_DATA_TRUNCATED',
      message: `The WAV header declares ${declared} bytes of audio but only ${available} are present; decoded what is there (the file was probably cut off).`,
    });
  }
  return {
    ...checked,
    channels: fmt.channels,
    sampleRate: fmt.sampleRate,
    blockAlign: fmt.blockAlign,
    dataOffset,
    frames,
    warnings,
  };
}
