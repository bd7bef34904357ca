import { describe, expect, it } from 'vitest';
import { LoudnessMeter, integratedLoudness } from '../../../src/audio/loudness.js';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { sine, whiteNoise } from '../../helpers/audio-synth.js';
import { SHARED_SKIP_MESSAGE } from '../../helpers/paths.js';
import { realSpeechFile } from '../../helpers/speech.js';

const real = realSpeechFile();
if (!real) console.warn(SHARED_SKIP_MESSAGE);

describe('integrated loudness', () => {
  it('reads a full-scale 997 Hz sine at 48 kHz as -3.01 LUFS (the BS.1770 reference)', () => {
    expect(integratedLoudness(sine(997, 48000, 5, 1), 48000)).toBeCloseTo(-3.01, 1);
  });

  it('is -Infinity for digital silence', () => {
    expect(integratedLoudness(new Float32Array(16000 * 3), 16000)).toBe(-Infinity);
  });

  it('gives the same figure whatever the pieces the audio is pushed in (filter state carries over)', () => {
    const x = whiteNoise(16000, 20, 0.1, 7);
    const meter = new LoudnessMeter(16000);
    // Pieces smaller and larger than the meter's scratch buffer, and an empty one.
    for (const [a, b] of [[0, 1000], [1000, 1000], [1000, 150_000], [150_000, 150_001], [150_001, x.length]] as const) meter.push(x.subarray(a, b));
    expect(meter.result()).toBe(integratedLoudness(x, 16000));
  });

  it.skipIf(!real)('leaves the pushed samples as they were', async () => {
    const speech = (await loadSpeechAudio(real!)).samples;
    const copy = speech.slice();
    const lufs = integratedLoudness(speech, 16000);
    expect(speech).toEqual(copy);
    expect(lufs).toBeGreaterThan(-40);
    expect(lufs).toBeLessThan(-10);
  });
});
