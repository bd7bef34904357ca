// Bad audio that costs more than it looks: decompression bombs (hours of silence in a few hundred KB),
// truncated compressed files, and a WAV with a header but no frames. Each is refused with its own code,
// and long compressed audio is decoded in chunks, so memory stays flat with length.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAudioStream } from '../../../src/audio/stream.js';
import { monoChunks } from '../../../src/audio/pipeline.js';
import { probeAudioFile } from '../../../src/audio/probe.js';
import { MAX_DECODED_SECONDS } from '../../../src/audio/chunked.js';
import { FFMPEG, FFMPEG_SKIP_MESSAGE, tempDir } from '../../helpers/encode.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { makeWav, sine } from '../../helpers/audio-synth.js';

const dir = tempDir('seimon-bombs');

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
}

/** Silence at 48 kHz stereo as FLAC (compresses about 1000:1), made by ffmpeg. */
function silenceFlac(name: string, seconds: number): string {
  const out = path.join(dir, name);
  execFileSync(FFMPEG!, ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', String(seconds), '-c:a', 'flac', out]);
  return out;
}

/** Rewrites the total-samples field of FLAC's STREAMINFO (36 bits at byte 21). */
function declareFlacFrames(file: string, frames: number): void {
  const b = fs.readFileSync(file);
  b[21] = (b[21]! & 0xf0) | Math.floor(frames / 2 ** 32);
  b.writeUInt32BE(frames % 2 ** 32, 22);
  fs.writeFileSync(file, b);
}

async function decodeAll(file: string, maxSeconds?: number): Promise<number> {
  const stream = await openAudioStream(file, maxSeconds === undefined ? {} : { maxSeconds });
  let n = 0;
  for await (const c of monoChunks(stream)) n += c.length;
  return n / 16000;
}

describe.skipIf(!FFMPEG)('decompression bombs', () => {
  it('a FLAC that declares more than the limit is refused from its header, before decoding', async () => {
    const bomb = silenceFlac('declared.flac', 30);
    declareFlacFrames(bomb, 48000 * (MAX_DECODED_SECONDS + 3600)); // "5 hours"
    expect(fs.statSync(bomb).size).toBeLessThan(100_000);
    const started = Date.now();
    expect(await codeOf(() => probeAudioFile(bomb))).toBe('AUDIO_TOO_LONG');
    expect(Date.now() - started).toBeLessThan(5000); // not a timing claim: decoding 5 h would take minutes
  });

  it('a FLAC that hides its length is counted (flat memory) and refused once past the limit', async () => {
    const bomb = silenceFlac('hidden.flac', 90);
    declareFlacFrames(bomb, 0); // "unknown": the decoder must count
    expect(await codeOf(() => decodeAll(bomb, 60))).toBe('AUDIO_TOO_LONG');
    expect(await decodeAll(bomb, 120)).toBeCloseTo(90, 2); // under the limit: every sample decoded
  });

  it('an MP3 is cut off once it decodes past the limit, while streaming', async () => {
    const mp3 = path.join(dir, 'ninety.mp3');
    execFileSync(FFMPEG!, ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', '90', '-b:a', '32k', mp3]);
    expect(await codeOf(() => decodeAll(mp3, 60))).toBe('AUDIO_TOO_LONG');
  });

  it('a 20-minute MP3 (48 kHz stereo) streams with flat memory: peak well below its decoded size', () => {
    const mp3 = path.join(dir, 'long.mp3');
    execFileSync(FFMPEG!, ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=220:r=48000', '-ac', '2', '-t', '1200', '-b:a', '32k', mp3]);
    const decodedMiB = (1200 * 48000 * 2 * 4) / 2 ** 20; // ~440 MiB as float32 channels
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tests', 'integration', 'audio', 'scripts', 'stream-peak.mjs'), mp3], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const { seconds, peakMiB } = JSON.parse(r.stdout.trim()) as { seconds: number; peakMiB: number };
    expect(Math.abs(seconds - 1200)).toBeLessThan(0.2);
    expect(peakMiB).toBeLessThan(decodedMiB * 0.6);
  }, 300_000);
});

describe.skipIf(!FFMPEG)('truncated compressed files', () => {
  const wav = path.join(dir, 'tone.wav');
  fs.writeFileSync(wav, makeWav([sine(220, 22050, 3)], { sampleRate: 22050, format: 'int', bits: 16 }));
  const encoded = (ext: string) => {
    const out = path.join(dir, `tone.${ext}`);
    execFileSync(FFMPEG!, ['-loglevel', 'error', '-y', '-i', wav, out]);
    return out;
  };

  it.each([
    ['flac', 3000],
    ['mp3', 300],
  ])('%s cut before its first frame: AUDIO_TRUNCATED, not "0 Hz"', async (ext, keep) => {
    const cut = path.join(dir, `cut.${ext}`);
    fs.writeFileSync(cut, fs.readFileSync(encoded(ext)).subarray(0, keep));
    expect(await codeOf(() => probeAudioFile(cut))).toBe('AUDIO_TRUNCATED');
  });
});

describe('a WAV with a header and no frames', () => {
  it('is refused with AUDIO_NO_AUDIO (never accepted as a clip)', async () => {
    const empty = path.join(dir, 'zero-frames.wav');
    fs.writeFileSync(empty, makeWav([new Float32Array(0)], { sampleRate: 16000, format: 'int', bits: 16 }));
    expect(fs.statSync(empty).size).toBe(44);
    expect(await codeOf(() => probeAudioFile(empty))).toBe('AUDIO_NO_AUDIO');
  });
});

if (!FFMPEG) console.warn(FFMPEG_SKIP_MESSAGE);
