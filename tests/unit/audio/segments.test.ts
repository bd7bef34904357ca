import { describe, expect, it } from 'vitest';
import { probabilitiesToSegments, speechSeconds } from '../../../src/audio/vad/segments.js';

describe('probabilitiesToSegments', () => {
  const hop = 0.032;
  it('applies hysteresis, minimum speech, minimum silence and padding', () => {
    const p = new Float32Array(200);
    p.fill(0.9, 20, 60); // 1.28 s of speech
    p.fill(0.4, 60, 62); // dips above the off threshold: still speech
    p.fill(0.9, 62, 80);
    p.fill(0.9, 100, 103); // 96 ms blip: dropped as too short
    p.fill(0.9, 150, 170);
    p.fill(0.1, 170, 172); // 64 ms gap: shorter than min silence, merged
    p.fill(0.9, 172, 190);
    const s = probabilitiesToSegments(p, hop, 200 * hop);
    expect(s.length).toBe(2);
    expect(s[0]!.start).toBeCloseTo(20 * hop - 0.03, 6);
    expect(s[0]!.end).toBeCloseTo(80 * hop + 0.03, 6);
    expect(s[1]!.end).toBeCloseTo(190 * hop + 0.03, 6);
    expect(speechSeconds(s)).toBeGreaterThan(3);
  });

  it('returns nothing for silence and clamps to the file at the end', () => {
    expect(probabilitiesToSegments(new Float32Array(50), hop, 50 * hop)).toEqual([]);
    const s = probabilitiesToSegments(new Float32Array(50).fill(1), hop, 1.5);
    expect(s).toEqual([{ start: 0, end: 1.5 }]);
  });
});
