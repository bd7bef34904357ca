import type { WavInfo } from './wav-header.js';

/** Converts whole frames of interleaved WAV bytes to one [-1, 1] Float32Array per channel. */
export function wavBytesToChannels(bytes: Uint8Array, info: WavInfo): Float32Array[] {
  const { channels, blockAlign, bytesPerSample, sampleFormat } = info;
  const frames = Math.floor(bytes.length / blockAlign);
  const out: Float32Array[] = [];
  for (let c = 0; c < channels; c++) out.push(new Float32Array(frames));
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let c = 0; c < channels; c++) {
    const dst = out[c]!;
    let p = c * bytesPerSample;
    if (sampleFormat === 'float') {
      if (bytesPerSample === 4)
        for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = v.getFloat32(p, true);
      else for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = v.getFloat64(p, true);
      continue;
    }
    switch (bytesPerSample) {
      case 1: // 8-bit WAV is unsigned with 128 as silence.
        for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = (bytes[p]! - 128) / 128;
        break;
      case 2:
        for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = v.getInt16(p, true) / 32768;
        break;
      case 3:
        for (let i = 0; i < frames; i++, p += blockAlign) {
          const x = bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16);
          dst[i] = ((x << 8) >> 8) / 8388608;
        }
        break;
      default:
        for (let i = 0; i < frames; i++, p += blockAlign) dst[i] = v.getInt32(p, true) / 2147483648;
    }
  }
  return out;
}
