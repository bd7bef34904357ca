import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.js';
import { isSeimonError } from '../../../src/core/errors.js';
import { makeWav, sine } from '../../helpers/audio-synth.js';
import { FFMPEG, FFMPEG_SKIP_MESSAGE, encodeWith, tempDir } from '../../helpers/encode.js';

if (!FFMPEG) console.warn(FFMPEG_SKIP_MESSAGE);

/** Normalised cross-correlation peak between two signals over small lags (codec delay). */
function similarity(a: Float32Array, b: Float32Array): number {
  let best = 0;
  for (let lag = 0; lag < 3000; lag += 1) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 4000; i < 20000; i++) {
      const x = a[i]!;
      const y = b[i + lag] ?? 0;
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    best = Math.max(best, ab / Math.sqrt(aa * bb + 1e-20));
  }
  return best;
}

describe.skipIf(!FFMPEG)('compressed formats decode in-process (no ffmpeg at decode time)', () => {
  let dir = '';
  let wav = '';
  const src = sine(440, 48000, 1, 0.4).map(
    (v, i) => v + 0.2 * Math.sin((2 * Math.PI * 1234 * i) / 48000),
  );
  beforeAll(() => {
    dir = tempDir('formats');
    wav = path.join(dir, 'src.wav');
    fs.writeFileSync(wav, makeWav([src, src], { sampleRate: 48000, format: 'int', bits: 16 }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string[], string, string][] = [
    ['a.flac', ['-c:a', 'flac'], 'flac', 'flac'],
    ['a.mp3', ['-c:a', 'libmp3lame', '-b:a', '128k'], 'mp3', 'mp3'],
    ['a.ogg', ['-c:a', 'libvorbis'], 'ogg', 'vorbis'],
    ['a.opus', ['-c:a', 'libopus'], 'ogg', 'opus'],
    ['a.webm', ['-c:a', 'libopus'], 'webm', 'opus/vorbis'],
    ['a.m4a', ['-c:a', 'aac', '-b:a', '128k'], 'mp4', 'aac'],
    ['a.mov', ['-c:a', 'aac'], 'mp4', 'aac'],
  ];
  for (const [name, args, container, codec] of cases) {
    it(`${name} (${container}/${codec})`, async () => {
      const file = encodeWith(wav, name, args);
      // Renamed to .wav on purpose: detection must come from the bytes.
      const d = await decodeAudio(fs.readFileSync(file), { ffmpeg: null });
      expect(d.format).toEqual({ container, codec });
      expect(d.sampleRate).toBe(48000);
      expect(Math.abs(d.durationSeconds - 1)).toBeLessThan(0.1);
      expect(similarity(src, d.channels[0]!)).toBeGreaterThan(0.95);
    });
  }

  it('MP3 with junk in the middle decodes around the damage without crashing', async () => {
    const mp3 = fs.readFileSync(encodeWith(wav, 'b.mp3', ['-c:a', 'libmp3lame', '-b:a', '128k']));
    const junk = Buffer.alloc(3000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) & 0xff;
    const damaged = Buffer.concat([mp3.subarray(0, 6000), junk, mp3.subarray(6000)]);
    try {
      const d = await decodeAudio(damaged, { ffmpeg: null });
      expect(d.durationSeconds).toBeGreaterThan(0.5);
      expect(d.durationSeconds).toBeLessThan(1.5);
    } catch (e) {
      // Acceptable only as a clean, specific error.
      expect(isSeimonError(e) && e.code).toBe('AUDIO_DECODE_FAILED');
    }
  });

  it('a format only ffmpeg reads, without ffmpeg -> AUDIO_FFMPEG_MISSING', async () => {
    const oggFlac = encodeWith(wav, 'c.oga', ['-c:a', 'flac', '-f', 'ogg']);
    try {
      await decodeAudio(fs.readFileSync(oggFlac), { ffmpeg: null });
      expect.fail('should throw');
    } catch (e) {
      expect(isSeimonError(e) && e.code).toBe('AUDIO_FFMPEG_MISSING');
    }
    const viaFfmpeg = await decodeAudio(fs.readFileSync(oggFlac), { ffmpeg: FFMPEG! });
    expect(viaFfmpeg.channels.length).toBe(2);
  });
});
