import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_OPTIONS, planWindows } from '../../../src/embedding/windows.js';
import { cosine, l2Normalize, meanOfNormalized } from '../../../src/embedding/vectors.js';

const SR = 16000;
const ramp = (seconds: number) => Float32Array.from({ length: seconds * SR }, (_, i) => i);

describe('planWindows', () => {
  it('lays 3 s windows with a 1.5 s hop and covers the tail with a last window ending at the end', () => {
    const plan = planWindows(ramp(10), [{ start: 0, end: 10 }], DEFAULT_WINDOW_OPTIONS);
    expect(plan.windows.map((w) => [w.start, w.end])).toEqual([
      [0, 3], [1.5, 4.5], [3, 6], [4.5, 7.5], [6, 9], [7, 10],
    ]);
    expect(plan.windows.every((w) => w.length === 3 * SR && w.offset % 160 === 0)).toBe(true);
  });

  it('joins speech segments and maps windows back to times in the original clip', () => {
    const samples = ramp(12);
    const plan = planWindows(samples, [{ start: 1, end: 3 }, { start: 8, end: 10 }], { ...DEFAULT_WINDOW_OPTIONS, wholeBelowSeconds: 0 });
    expect(plan.speech.length).toBe(4 * SR);
    // The joined signal is the two segments end to end.
    expect(plan.speech[0]).toBe(1 * SR);
    expect(plan.speech[2 * SR]).toBe(8 * SR);
    const [first, last] = [plan.windows[0], plan.windows[plan.windows.length - 1]];
    expect(first?.start).toBe(1);
    expect(first?.end).toBeCloseTo(9, 3); // 2 s of the first segment, 1 s of the second
    expect(last?.end).toBeCloseTo(10, 3);
  });

  it('embeds speech up to 6 s as one window of all of it, longer speech in 3 s windows', () => {
    const five = planWindows(ramp(8), [{ start: 1, end: 6 }], DEFAULT_WINDOW_OPTIONS);
    expect(five.windows).toEqual([{ offset: 0, length: 5 * SR, start: 1, end: 6 }]);
    expect(planWindows(ramp(6), [{ start: 0, end: 6 }], DEFAULT_WINDOW_OPTIONS).windows).toHaveLength(1);
    const seven = planWindows(ramp(7), [{ start: 0, end: 7 }], DEFAULT_WINDOW_OPTIONS);
    expect(seven.windows.map((w) => [w.start, w.end])).toEqual([[0, 3], [1.5, 4.5], [3, 6], [4, 7]]);
    // The threshold is an option: 0 restores the 3 s windows for everything over one window.
    expect(planWindows(ramp(5), [{ start: 0, end: 5 }], { ...DEFAULT_WINDOW_OPTIONS, wholeBelowSeconds: 0 }).windows).toHaveLength(3);
  });

  it('makes a single shorter window for short speech, and none below the minimum', () => {
    expect(planWindows(ramp(2), [{ start: 0, end: 2 }], DEFAULT_WINDOW_OPTIONS).windows).toHaveLength(1);
    expect(planWindows(ramp(2), [{ start: 0, end: 0.3 }], DEFAULT_WINDOW_OPTIONS).windows).toHaveLength(0);
    expect(planWindows(ramp(2), [], DEFAULT_WINDOW_OPTIONS).windows).toHaveLength(0);
  });

  it('clips segments that run past the end of the audio', () => {
    const plan = planWindows(ramp(4), [{ start: -1, end: 99 }], DEFAULT_WINDOW_OPTIONS);
    expect(plan.speech.length).toBe(4 * SR);
  });
});

describe('vectors', () => {
  it('computes cosine, normalisation and the mean of normalised vectors', () => {
    const a = Float32Array.from([3, 4]);
    expect(Array.from(l2Normalize(a))).toEqual([0.6000000238418579, 0.800000011920929]);
    expect(cosine(a, Float32Array.from([6, 8]))).toBeCloseTo(1, 6);
    expect(cosine(a, Float32Array.from([-4, 3]))).toBeCloseTo(0, 6);
    // Mean of normalised: a long vector does not outweigh a short one.
    const m = meanOfNormalized([Float32Array.from([100, 0]), Float32Array.from([0, 1])]);
    expect(m[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(m[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(() => cosine(a, Float32Array.from([1]))).toThrow(/differ/);
  });
});
