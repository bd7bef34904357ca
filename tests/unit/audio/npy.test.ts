import { describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy } from '../../../src/features/npy.js';
import { isSeimonError } from '../../../src/core/errors.js';

describe('npy', () => {
  it('round-trips a float32 [frames, 80] matrix with a 64-byte aligned header', () => {
    const data = Float32Array.from({ length: 3 * 80 }, (_, i) => i / 7 - 3);
    const buf = encodeNpy({ numFrames: 3, numBins: 80, data });
    expect((buf.readUInt16LE(8) + 10) % 64).toBe(0);
    expect(buf.toString('latin1', 10, 70)).toContain("'shape': (3, 80)");
    const back = decodeNpy(buf);
    expect(back.numFrames).toBe(3);
    expect(back.numBins).toBe(80);
    expect(Array.from(back.data)).toEqual(Array.from(data));
  });

  it('writes and reads zero-frame matrices', () => {
    const back = decodeNpy(encodeNpy({ numFrames: 0, numBins: 80, data: new Float32Array(0) }));
    expect([back.numFrames, back.numBins]).toEqual([0, 80]);
  });

  it('rejects non-npy and truncated input with AUDIO_BAD_NPY', () => {
    const good = encodeNpy({ numFrames: 2, numBins: 80, data: new Float32Array(160) });
    for (const bad of [Buffer.from('hello'), good.subarray(0, good.length - 4)]) {
      try {
        decodeNpy(bad);
        expect.fail('should throw');
      } catch (e) {
        expect(isSeimonError(e) && e.code).toBe('AUDIO_BAD_NPY');
      }
    }
  });
});
