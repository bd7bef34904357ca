import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpeechAudio } from '../../../src/audio/pipeline.js';
import { probeAudioFile } from '../../../src/audio/probe.js';
import { detectSpeech, speechSeconds } from '../../../src/audio/vad/index.js';
import { makeWav, prng, sine, whiteNoise } from '../../helpers/audio-synth.js';
import { tempDir } from '../../helpers/encode.js';
import { SHARED_SKIP_MESSAGE } from '../../helpers/paths.js';
import { espeak, realSpeechFile } from '../../helpers/speech.js';

const RATE = 16000;
let dir = '';
const real = realSpeechFile();
if (!real) console.warn(SHARED_SKIP_MESSAGE);

function write(name: string, x: Float32Array, rate = RATE): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, makeWav([x], { sampleRate: rate, format: 'int', bits: 16 }));
  return f;
}

/** A few seconds of chords with a beat: stands in for background music. */
function music(seconds: number): Float32Array {
  const x = new Float32Array(seconds * RATE);
  const notes = [220, 277.18, 329.63, 440, 554.37];
  for (let i = 0; i < x.length; i++) {
    const t = i / RATE;
    const bar = Math.floor(t * 2) % notes.length;
    let v = 0;
    for (let k = 0; k < 3; k++) v += Math.sin(2 * Math.PI * notes[(bar + k) % notes.length]! * t);
    x[i] = 0.15 * v * (0.6 + 0.4 * Math.exp(-((t * 4) % 1) * 6));
  }
  return x;
}

/** Breath-like bursts: short swells of low, soft noise. */
function breaths(seconds: number): Float32Array {
  const x = whiteNoise(RATE, seconds, 1, 3);
  let lp = 0;
  for (let i = 0; i < x.length; i++) {
    lp = 0.9 * lp + 0.1 * x[i]!;
    const phase = (i / RATE) % 2;
    x[i] = phase < 0.4 ? 0.05 * lp * Math.sin((Math.PI * phase) / 0.4) : 0;
  }
  return x;
}

beforeAll(() => {
  dir = tempDir('vad');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('voice activity detection', () => {
  it('finds nothing in silence, noise, breaths or music', async () => {
    const quiet = new Float32Array(3 * RATE);
    for (const [label, x] of [
      ['silence', quiet],
      ['white noise', whiteNoise(RATE, 3, 0.05)],
      ['breaths', breaths(4)],
      ['music', music(4)],
    ] as const) {
      const r = await detectSpeech(x);
      expect(r.engine, label).toBe('silero');
      expect(speechSeconds(r.segments), label).toBeLessThan(0.5);
    }
  });

  it('finds synthetic speech between silences at the right times', async () => {
    const f = path.join(dir, 'espeak.wav');
    if (!espeak('The quick brown fox jumps over the lazy dog.', f)) return;
    const speech = (await loadSpeechAudio(f)).samples;
    const padded = new Float32Array(speech.length + 4 * RATE);
    padded.set(speech, 2 * RATE);
    const r = await detectSpeech(padded);
    expect(r.segments.length).toBeGreaterThan(0);
    expect(r.segments[0]!.start).toBeGreaterThan(1.8);
    expect(r.segments[r.segments.length - 1]!.end).toBeLessThan(2.2 + speech.length / RATE);
  });

  it.skipIf(!real)(
    'finds real speech and keeps it under music and noise (Silero and energy fallback)',
    async () => {
      const speech = (await loadSpeechAudio(real!)).samples;
      const clean = await detectSpeech(speech);
      const total = speech.length / RATE;
      expect(speechSeconds(clean.segments)).toBeGreaterThan(0.6 * total);
      const m = music(Math.ceil(total));
      const noise = whiteNoise(RATE, total, 0.02, 9);
      const mixed = speech.map((v, i) => v + 0.3 * m[i]! + noise[i]!);
      expect(speechSeconds((await detectSpeech(mixed)).segments)).toBeGreaterThan(0.5 * total);
      const energy = await detectSpeech(speech, 'energy');
      expect(energy.engine).toBe('energy');
      expect(speechSeconds(energy.segments)).toBeGreaterThan(0.5 * total);
    },
  );
});

describe('quality probe', () => {
  it('0.1 s clip: AUDIO_TOO_SHORT warning, no crash', async () => {
    const r = await probeAudioFile(write('short.wav', sine(200, RATE, 0.1)));
    expect(r.durationSeconds).toBeCloseTo(0.1, 3);
    expect(r.warnings.map((w) => w.code)).toContain('AUDIO_TOO_SHORT');
  });

  it('pure silence: AUDIO_NO_SPEECH, zero speech seconds, no loudness', async () => {
    const r = await probeAudioFile(write('silence.wav', new Float32Array(2 * RATE)));
    expect(r.speechSeconds).toBe(0);
    expect(r.loudnessLufs).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('AUDIO_NO_SPEECH');
  });

  it('measures clipping, DC offset and level, and reports the original format', async () => {
    const x = sine(300, 44100, 2, 1.6).map((v) => Math.max(-1, Math.min(1, v)) * 0.999 + 0.05);
    const r = await probeAudioFile(write('clipped.wav', x, 44100));
    expect(r.source.sampleRate).toBe(44100);
    expect(r.source.format.codec).toBe('pcm_s16le');
    expect(r.clippingRatio).toBeGreaterThan(0.1);
    expect(r.dcOffset).toBeGreaterThan(0.025);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('AUDIO_CLIPPING');
    expect(codes).toContain('AUDIO_DC_OFFSET');
  });

  it('music bed alone raises the music/noise warning', async () => {
    const r = await probeAudioFile(write('music.wav', music(5)));
    expect(r.musicOrNoiseSuspected).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('AUDIO_MUSIC_SUSPECTED');
  });

  it.skipIf(!real)(
    'real speech: plausible SNR, loudness and descriptors; noise lowers SNR',
    async () => {
      const r = await probeAudioFile(real!);
      expect(r.speechSeconds).toBeGreaterThan(5);
      expect(r.snrDb).toBeGreaterThan(12);
      expect(r.loudnessLufs).toBeGreaterThan(-45);
      expect(r.spectralCentroidHz).toBeGreaterThan(300);
      expect(r.zeroCrossingRate).toBeGreaterThan(100);
      expect(r.source.format).toEqual({ container: 'flac', codec: 'flac' });
      const speech = (await loadSpeechAudio(real!)).samples;
      const rnd = prng(5);
      const noisy = speech.map((v) => v + 0.05 * (2 * rnd() - 1));
      const n = await probeAudioFile(write('noisy.wav', noisy));
      expect(n.snrDb!).toBeLessThan(r.snrDb! - 10);
    },
  );
});
