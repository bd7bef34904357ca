import { describe, expect, it } from 'vitest';
import { RealFft } from '../../../src/features/fft.js';
import { prng } from '../../helpers/audio-synth.js';

describe('RealFft', () => {
  it('matches a direct DFT power spectrum', () => {
    for (const n of [8, 16, 32, 64, 128, 256, 512, 1024]) {
      const r = prng(n);
      const x = Float64Array.from({ length: n }, () => r() - 0.5);
      const power = new Float64Array(n / 2 + 1);
      new RealFft(n).powerSpectrum(x, power);
      for (let k = 0; k <= n / 2; k++) {
        let re = 0;
        let im = 0;
        for (let t = 0; t < n; t++) {
          re += x[t]! * Math.cos((2 * Math.PI * k * t) / n);
          im -= x[t]! * Math.sin((2 * Math.PI * k * t) / n);
        }
        expect(power[k]).toBeCloseTo(re * re + im * im, 9);
      }
    }
  });

  it('rejects sizes that are not powers of two of at least 8', () => {
    expect(() => new RealFft(4)).toThrow(RangeError);
    expect(() => new RealFft(400)).toThrow(RangeError);
  });
});
