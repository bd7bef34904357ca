import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferSource } from '../../../src/audio/byte-source.js';
import { decodeWav } from '../../../src/audio/wav.js';
import { runCli } from '../../../src/cli/main.js';
import { decodeNpy } from '../../../src/features/npy.js';
import { makeWav, sine } from '../../helpers/audio-synth.js';
import { tempDir } from '../../helpers/encode.js';
import { REPO_ROOT } from '../../helpers/paths.js';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

let dir = '';
let input = '';
beforeAll(() => {
  dir = tempDir('cli-audio');
  input = path.join(dir, 'in.wav');
  const x = sine(220, 48000, 1.5, 0.3);
  fs.writeFileSync(input, makeWav([x, x], { sampleRate: 48000, format: 'int', bits: 24 }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('seimon decode / probe / features fbank', () => {
  it('decode writes canonical 16 kHz mono 16-bit WAV', async () => {
    const out = path.join(dir, 'out.wav');
    const r = await cli(['decode', input, '--out', out]);
    expect(r.code).toBe(0);
    const d = decodeWav(bufferSource(fs.readFileSync(out)));
    expect([d.sampleRate, d.channels.length, d.format.codec]).toEqual([16000, 1, 'pcm_s16le']);
    expect(d.channels[0]!.length).toBe(24000);
  });

  it('probe --json prints the quality report', async () => {
    const r = await cli(['probe', input, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.source).toMatchObject({
      sampleRate: 48000,
      channels: 2,
      format: { container: 'wav', codec: 'pcm_s24le' },
    });
    expect(report.durationSeconds).toBeCloseTo(1.5, 5);
    expect(Array.isArray(report.warnings)).toBe(true);
  });

  it('features fbank writes float32 [frames, 80] .npy, with and without CMN', async () => {
    for (const preset of ['wespeaker', '3dspeaker']) {
      const out = path.join(dir, `${preset}.npy`);
      const r = await cli(['features', 'fbank', input, '--preset', preset, '--cmn', '--out', out]);
      expect(r.code).toBe(0);
      const m = decodeNpy(fs.readFileSync(out));
      expect([m.numFrames, m.numBins]).toEqual([1 + Math.floor((24000 - 400) / 160), 80]);
      let colMean = 0;
      for (let f = 0; f < m.numFrames; f++) colMean += m.data[f * 80 + 10]!;
      expect(Math.abs(colMean / m.numFrames)).toBeLessThan(1e-4);
    }
  });

  it('fails with exit 2 (invalid input) and `error CODE: message` on bad input', async () => {
    const empty = path.join(dir, 'empty.wav');
    fs.writeFileSync(empty, '');
    const r = await cli(['probe', empty, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error AUDIO_EMPTY_FILE: /);
    const missing = await cli([
      'decode',
      path.join(dir, 'nope.wav'),
      '--out',
      path.join(dir, 'x.wav'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^error AUDIO_CANNOT_READ: /);
    const bad = await cli([
      'features',
      'fbank',
      input,
      '--preset',
      'nope',
      '--out',
      path.join(dir, 'x.npy'),
    ]);
    expect(bad.code).toBe(2);
  });

  it('works through the real bin', () => {
    const out = path.join(dir, 'bin.npy');
    const r = spawnSync(
      'node',
      [
        path.join(REPO_ROOT, 'bin', 'seimon.js'),
        'features',
        'fbank',
        input,
        '--preset',
        'wespeaker',
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });
});
