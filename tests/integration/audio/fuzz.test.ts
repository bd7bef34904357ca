import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.js';
import type { DecodedAudio } from '../../../src/audio/types.js';
import { isSeimonError } from '../../../src/core/errors.js';
import { makeWav, prng, sine } from '../../helpers/audio-synth.js';
import { FFMPEG, encodeWith, tempDir } from '../../helpers/encode.js';

/** Truncates and/or flips bytes; the PRNG is seeded so a failure reproduces exactly. */
function mutate(src: Buffer, rnd: () => number): Buffer {
  let b = Buffer.from(src);
  if (rnd() < 0.5) b = b.subarray(0, Math.floor(rnd() * b.length));
  const flips = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < flips && b.length > 0; i++) {
    // Bias towards the header, where a flip changes structure rather than just a sample.
    const at =
      rnd() < 0.7 ? Math.floor(rnd() * Math.min(64, b.length)) : Math.floor(rnd() * b.length);
    b[at] = Math.floor(rnd() * 256);
  }
  return b;
}

function checkValid(d: DecodedAudio): void {
  expect(d.sampleRate).toBeGreaterThan(0);
  expect(d.sampleRate).toBeLessThanOrEqual(384000);
  expect(d.channels.length).toBeGreaterThan(0);
  expect(d.channels.length).toBeLessThanOrEqual(32);
  expect(d.channels.every((ch) => ch.every((x) => Number.isFinite(x)))).toBe(true);
}

async function fuzz(
  seedFile: Buffer,
  iterations: number,
  seed: number,
): Promise<{ ok: number; errors: Set<string> }> {
  const rnd = prng(seed);
  const errors = new Set<string>();
  let ok = 0;
  for (let i = 0; i < iterations; i++) {
    const input = mutate(seedFile, rnd);
    try {
      checkValid(await decodeAudio(input, { ffmpeg: null }));
      ok++;
    } catch (e) {
      if (!isSeimonError(e))
        throw new Error(`iteration ${i} (seed ${seed}) threw a non-SeimonError: ${String(e)}`, {
          cause: e,
        });
      errors.add(e.code);
    }
  }
  return { ok, errors };
}

describe('fuzzing decoders with truncations and byte flips', () => {
  it('WAV: only valid audio or clean SeimonErrors (300 iterations per layout)', async () => {
    const tone = sine(440, 16000, 0.05);
    for (const [bits, format] of [
      [16, 'int'],
      [24, 'int'],
      [32, 'float'],
    ] as const) {
      const r = await fuzz(makeWav([tone, tone], { sampleRate: 16000, format, bits }), 300, bits);
      expect(r.ok + r.errors.size).toBeGreaterThan(0);
      for (const code of r.errors) expect(code).toMatch(/^AUDIO_/);
    }
  });

  it.skipIf(!FFMPEG)('FLAC: only valid audio or clean SeimonErrors (60 iterations)', async () => {
    const dir = tempDir('fuzz');
    try {
      const wav = path.join(dir, 'seed.wav');
      fs.writeFileSync(
        wav,
        makeWav([sine(440, 16000, 0.3)], { sampleRate: 16000, format: 'int', bits: 16 }),
      );
      const flac = fs.readFileSync(encodeWith(wav, 'seed.flac', ['-c:a', 'flac']));
      const r = await fuzz(flac, 60, 7);
      for (const code of r.errors) expect(code).toMatch(/^AUDIO_/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
