import { SeimonError } from '../core/errors.js';

/** Formats recognised from their first bytes. */
export type SniffedFormat =
  | 'wav'
  | 'flac'
  | 'mp3'
  | 'ogg-vorbis'
  | 'ogg-opus'
  | 'ogg-flac'
  | 'ogg'
  | 'webm'
  | 'mp4'
  | 'aac-adts'
  | 'aiff'
  | 'caf';

function ascii(b: Uint8Array, at: number, len: number): string {
  let s = '';
  for (let i = 0; i < len && at + i < b.length; i++) s += String.fromCharCode(b[at + i]!);
  return s;
}

function indexOf(b: Uint8Array, needle: string, from: number, to: number): number {
  const end = Math.min(to, b.length) - needle.length;
  outer: for (let i = from; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Skips an ID3v2 tag, whose size is a 28-bit "syncsafe" integer. */
function id3Length(b: Uint8Array): number {
  if (ascii(b, 0, 3) !== 'ID3' || b.length < 10) return 0;
  const size =
    ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  const footer = (b[5]! & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

function isMpegFrameSync(b: Uint8Array, at: number): boolean {
  const b0 = b[at];
  const b1 = b[at + 1];
  const b2 = b[at + 2];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 3;
  const layer = (b1 >> 1) & 3;
  const bitrate = b2 >> 4;
  const rate = (b2 >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3;
}

/** Names things users commonly rename to .wav, so the error can say what the file really is. */
function describeNonAudio(b: Uint8Array): string | undefined {
  const head = ascii(b, 0, 8);
  if (head.startsWith('\x89PNG')) return 'a PNG image';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'a JPEG image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK\x03\x04')) return 'a ZIP archive (or an Office document)';
  if (head.startsWith('\x7fELF') || head.startsWith('MZ')) return 'a program';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'AVI ') return 'an AVI video';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'a WebP image';
  // Mostly printable bytes: a text file (HTML error pages saved as .mp3 are a classic).
  const n = Math.min(b.length, 512);
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 0xc0) printable++;
  }
  if (n > 0 && printable / n > 0.95) return 'a text file';
  return undefined;
}

/**
 * Detects the audio format from the first bytes (64 KiB is plenty). Throws AUDIO_EMPTY_FILE,
 * AUDIO_NOT_AUDIO or AUDIO_UNKNOWN_FORMAT.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (head.length === 0) throw new SeimonError('AUDIO_EMPTY_FILE', 'The file is empty (0 bytes).');
  const four = ascii(head, 0, 4);
  if ((four === 'RIFF' || four === 'RF64' || four === 'BW64') && ascii(head, 8, 4) === 'WAVE')
    return 'wav';
  if (four === 'RIFF' || four === 'RF64') {
    if (head.length < 12)
      throw new SeimonError('AUDIO_TRUNCATED', 'The file ends inside its RIFF header.');
  }
  if (four === 'fLaC') return 'flac';
  if (four === 'OggS') {
    const page = head.subarray(0, Math.min(head.length, 4096));
    if (indexOf(page, 'OpusHead', 0, page.length) >= 0) return 'ogg-opus';
    if (indexOf(page, '\x01vorbis', 0, page.length) >= 0) return 'ogg-vorbis';
    if (indexOf(page, '\x7fFLAC', 0, page.length) >= 0) return 'ogg-flac';
    return 'ogg';
  }
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (ascii(head, 4, 4) === 'ftyp') return 'mp4';
  if (four === 'FORM' && (ascii(head, 8, 4) === 'AIFF' || ascii(head, 8, 4) === 'AIFC'))
    return 'aiff';
  if (four === 'caff') return 'caf';
  const id3 = id3Length(head);
  if (id3 > 0) {
    // Whatever follows the tag decides (ID3 before FLAC or ADTS exists in the wild).
    if (id3 >= head.length) return 'mp3';
    const rest = head.subarray(id3);
    if (ascii(rest, 0, 4) === 'fLaC') return 'flac';
    if (rest[0] === 0xff && rest[1] !== undefined && (rest[1] & 0xf6) === 0xf0) return 'aac-adts';
    return 'mp3';
  }
  if (head[0] === 0xff && head[1] !== undefined && (head[1] & 0xf6) === 0xf0) return 'aac-adts';
  if (isMpegFrameSync(head, 0)) return 'mp3';
  const what = describeNonAudio(head);
  if (what !== undefined)
    throw new SeimonError('AUDIO_NOT_AUDIO', `This is not an audio file: it looks like ${what}.`);
  throw new SeimonError(
    'AUDIO_UNKNOWN_FORMAT',
    'The audio format was not recognised from the file contents. Supported: WAV, FLAC, MP3, Ogg Vorbis/Opus, WebM, M4A/MP4/MOV.',
  );
}
