/** Small deterministic signal and WAV builders for audio tests. */

import { mulberry32 } from '../../src/core/prng.js';

/** Seeded PRNG (mulberry32): same numbers on every run and machine. */
export const prng = mulberry32;

export function sine(freq: number, rate: number, seconds: number, amp = 0.5): Float32Array {
  const n = Math.round(rate * seconds);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate);
  return x;
}

export function whiteNoise(rate: number, seconds: number, amp: number, seed = 1): Float32Array {
  const r = prng(seed);
  const x = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < x.length; i++) x[i] = amp * (2 * r() - 1);
  return x;
}

export interface WavSpec {
  sampleRate: number;
  format: 'int' | 'float';
  bits: 8 | 16 | 24 | 32 | 64;
  extensible?: boolean;
  /** Override the header's channel count (for corrupt-header tests). */
  declaredChannels?: number;
  /** Override the data chunk size (for truncation tests). */
  declaredDataBytes?: number;
}

/** Builds a WAV file from per-channel float samples, in any of the layouts the parser supports. */
export function makeWav(channels: Float32Array[], spec: WavSpec): Buffer {
  const nch = channels.length;
  const frames = channels[0]?.length ?? 0;
  const width = spec.bits / 8;
  const block = nch * width;
  const fmtLen = spec.extensible ? 40 : 16;
  const dataBytes = frames * block;
  const buf = Buffer.alloc(12 + 8 + fmtLen + 8 + dataBytes);
  buf.write('RIFF', 0, 'latin1');
  buf.writeUInt32LE(buf.length - 8, 4);
  buf.write('WAVEfmt ', 8, 'latin1');
  buf.writeUInt32LE(fmtLen, 16);
  const tag = spec.format === 'float' ? 3 : 1;
  buf.writeUInt16LE(spec.extensible ? 0xfffe : tag, 20);
  buf.writeUInt16LE(spec.declaredChannels ?? nch, 22);
  buf.writeUInt32LE(spec.sampleRate, 24);
  buf.writeUInt32LE((spec.sampleRate * block) % 2 ** 32, 28);
  buf.writeUInt16LE(block, 32);
  buf.writeUInt16LE(spec.bits, 34);
  if (spec.extensible) {
    buf.writeUInt16LE(22, 36);
    buf.writeUInt16LE(spec.bits, 38);
    buf.writeUInt32LE(0, 40);
    buf.writeUInt16LE(tag, 44); // sub-format GUID starts with the format tag
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(buf, 46);
  }
  const d = 20 + fmtLen;
  buf.write('data', d, 'latin1');
  buf.writeUInt32LE(spec.declaredDataBytes ?? dataBytes, d + 4);
  let p = d + 8;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < nch; c++) {
      const x = channels[c]![i]!;
      if (spec.format === 'float') {
        if (spec.bits === 32) buf.writeFloatLE(x, p);
        else buf.writeDoubleLE(x, p);
      } else if (spec.bits === 8)
        buf.writeUInt8(Math.max(0, Math.min(255, Math.round(x * 128 + 128))), p);
      else {
        const scale = 2 ** (spec.bits - 1);
        const v = Math.max(-scale, Math.min(scale - 1, Math.round(x * scale)));
        buf.writeIntLE(v, p, width);
      }
      p += width;
    }
  }
  return buf;
}
