// FLAC is decoded piece by piece like MP3 and Ogg, so a 3-hour FLAC enrols in flat memory: every sample
// must come out, exactly as a whole-file decode gives them, whatever the size of the pieces.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/audio/decode.js';
import { openAudioStream } from '../../../src/audio/stream.js';
import { FFMPEG, FFMPEG_SKIP_MESSAGE, tempDir } from '../../helpers/encode.js';
import { SHARED_SKIP_MESSAGE } from '../../helpers/paths.js';
import { realSpeechFile } from '../../helpers/speech.js';

const real = realSpeechFile();
if (!real) console.warn(SHARED_SKIP_MESSAGE);
if (!FFMPEG) console.warn(FFMPEG_SKIP_MESSAGE);
const dir = tempDir('seimon-flac-stream');

/** Every channel of a streamed file, concatenated, with what the stream says about itself. */
async function streamAll(file: string, chunkFrames?: number): Promise<{ channels: Float32Array[]; sampleRate: number; container: string; seconds: number }> {
  const stream = await openAudioStream(file, chunkFrames === undefined ? {} : { chunkFrames });
  const parts: Float32Array[][] = [];
  for await (const block of stream.chunks) parts.push(block.map((c) => c.slice()));
  const channels = Array.from({ length: stream.channelCount }, (_, c) => {
    const out = new Float32Array(parts.reduce((n, p) => n + p[c]!.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p[c]!, at);
      at += p[c]!.length;
    }
    return out;
  });
  return { channels, sampleRate: stream.sampleRate, container: stream.format.container, seconds: stream.durationSeconds };
}

describe('FLAC streamed piece by piece', () => {
  it.skipIf(!real)('a real LibriSpeech FLAC streams to exactly the samples of a whole-file decode', async () => {
    const whole = await decodeAudio(fs.readFileSync(real!), { ffmpeg: null });
    for (const chunkFrames of [1000, 65536]) {
      const s = await streamAll(real!, chunkFrames);
      expect(s.container).toBe('flac');
      expect(s.sampleRate).toBe(whole.sampleRate);
      expect(s.channels).toHaveLength(1);
      expect(s.channels[0]!.length).toBe(whole.channels[0]!.length);
      expect(s.channels[0]).toEqual(whole.channels[0]);
    }
  });

  it.skipIf(!FFMPEG)('10 minutes of highly compressed 48 kHz stereo (where pieces used to lose frames) give every frame', async () => {
    const flac = path.join(dir, 'quiet.flac');
    // Silence, then a tone in the last second: frames of a few bytes each, so one read holds hundreds.
    const tone = 'if(gt(t\\,599)\\,0.5*sin(2*PI*440*t)\\,0)';
    execFileSync(FFMPEG!, ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `aevalsrc=exprs=${tone}|${tone}:s=48000`, '-t', '600', '-c:a', 'flac', flac]);
    expect(fs.statSync(flac).size).toBeLessThan(1_000_000);
    const s = await streamAll(flac);
    expect(s.sampleRate).toBe(48000);
    expect(s.channels).toHaveLength(2);
    expect(s.channels[0]!.length).toBe(600 * 48000);
    expect(s.channels[1]!.length).toBe(600 * 48000);
    expect(s.seconds).toBe(600);
    // The tone is there to the end (a dropped or zero-filled last frame would show as silence).
    const tail = s.channels[0]!.subarray(-4800);
    expect(Math.max(...tail.map(Math.abs))).toBeGreaterThan(0.4);
  }, 120_000);

  it.skipIf(!FFMPEG)('a FLAC damaged part-way (libFLAC skips the rest) is refused with AUDIO_DECODE_FAILED, not shortened silently', async () => {
    const flac = path.join(dir, 'tone.flac');
    execFileSync(FFMPEG!, ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=440:r=16000', '-t', '20', '-c:a', 'flac', flac]);
    const bytes = fs.readFileSync(flac);
    // Scribble over the middle of the file (frame headers and data), leaving the start intact.
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 2000; i++) bytes[i] = (i * 37) & 0xff;
    const damaged = path.join(dir, 'damaged.flac');
    fs.writeFileSync(damaged, bytes);
    let code = 'no error';
    try {
      await streamAll(damaged);
    } catch (e) {
      code = (e as { code: string }).code;
    }
    expect(code).toBe('AUDIO_DECODE_FAILED');
  });
});
