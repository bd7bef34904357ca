import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFfmpeg } from '../../src/audio/ffmpeg.js';

/** ffmpeg is used only to make compressed test inputs; tests needing it skip when it is absent. */
export const FFMPEG = findFfmpeg();
export const FFMPEG_SKIP_MESSAGE =
  'ffmpeg not found: skipping tests that need compressed test inputs';

/** Encodes a WAV file with ffmpeg; `args` go between input and output (codec, bitrate...). */
export function encodeWith(wav: string, outName: string, args: string[]): string {
  const out = path.join(path.dirname(wav), outName);
  execFileSync(FFMPEG!, ['-v', 'error', '-y', '-i', wav, ...args, out]);
  return out;
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `seimon-${label}-`));
}
