import { describe, expect, it } from 'vitest';
import { Resampler, resample } from '../../../src/audio/resample.js';
import { sine } from '../../helpers/audio-synth.js';

const RATES = [8000, 11025, 22050, 24000, 32000, 44100, 48000, 96000];

/** Output level in dB relative to the input sine's, over the settled middle of the output. */
function gainDb(f: number, rate: number): number {
  const y = resample(sine(f, rate, 0.5, 1), rate, 16000);
  let e = 0;
  for (let i = 2000; i < 6000; i++) e += y[i]! * y[i]!;
  return 10 * Math.log10(e / 4000 / 0.5);
}

describe('Resampler to 16 kHz', () => {
  for (const rate of RATES) {
    it(`${rate} Hz: flat passband (±0.5 dB) and >= 60 dB alias rejection`, () => {
      const top = Math.min(7000, 0.875 * (rate / 2));
      for (const f of [100, 1000, 3000, top * 0.7, top])
        expect(Math.abs(gainDb(f, rate))).toBeLessThan(0.5);
      if (rate > 16000) {
        // Everything from 8 kHz up would fold back into 0-8 kHz: it must be gone.
        const stop = rate / 2;
        for (const f of [8000, 8500, 9500, 12000, 15900, 16100, stop * 0.8, stop * 0.98].filter(
          (v) => v < stop,
        )) {
          expect(gainDb(f, rate)).toBeLessThan(-60);
        }
      } else if (rate < 16000) {
        // Upsampling: no images of the input band above the input's Nyquist.
        const y = resample(sine(0.4 * rate, rate, 0.5, 1), rate, 16000);
        const x = sine(0.4 * rate, 16000, 0.5, 1);
        let err = 0;
        for (let i = 2000; i < 6000; i++) err += (y[i]! - x[i]!) ** 2;
        expect(10 * Math.log10(err / 4000 / 0.5)).toBeLessThan(-50);
      }
    });
  }

  it('gives the same output whether fed whole or in odd-sized chunks, with the exact length', () => {
    const x = sine(440, 44100, 1.3);
    const whole = resample(x, 44100, 16000);
    expect(whole.length).toBe(Math.ceil((x.length * 16000) / 44100));
    const r = new Resampler(44100, 16000);
    const parts: number[] = [];
    for (let i = 0; i < x.length; i += 777) parts.push(...r.push(x.subarray(i, i + 777)));
    parts.push(...r.flush());
    expect(parts.length).toBe(whole.length);
    let maxDiff = 0;
    for (let i = 0; i < whole.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(parts[i]! - whole[i]!));
    expect(maxDiff).toBeLessThan(1e-6);
  });

  it('keeps time alignment (no group delay)', () => {
    const x = new Float32Array(48000);
    x[24000] = 1; // an impulse at 0.5 s
    const y = resample(x, 48000, 16000);
    let peak = 0;
    for (let i = 1; i < y.length; i++) if (Math.abs(y[i]!) > Math.abs(y[peak]!)) peak = i;
    expect(peak).toBe(8000);
  });

  it('passes 16 kHz through unchanged and handles odd rates like 44101 Hz', () => {
    const x = sine(300, 16000, 0.1);
    expect(Array.from(resample(x, 16000, 16000))).toEqual(Array.from(x));
    expect(Math.abs(gainDb(1000, 44101))).toBeLessThan(0.5);
  });
});
