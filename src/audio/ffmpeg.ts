import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { SeimonError } from '../core/errors.js';
import { bufferSource } from './byte-source.js';
import type { DecodedAudio } from './types.js';
import { decodeWav } from './wav.js';

/** Decoded output beyond this is refused (about 1.5 hours of 48 kHz stereo float). */
const MAX_FFMPEG_OUTPUT_BYTES = 2 ** 31 - 1;

/** Finds ffmpeg: $SEIMON_FFMPEG if set, else the first `ffmpeg` on PATH; undefined when absent. */
export function findFfmpeg(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.SEIMON_FFMPEG;
  if (configured) return configured;
  const exe = process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, exe);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}

/** The error for a format only ffmpeg could read, telling the user how to get it. */
export function ffmpegMissing(what: string): SeimonError {
  return new SeimonError(
    'AUDIO_FFMPEG_MISSING',
    `${what} can only be decoded with ffmpeg, which was not found. Install ffmpeg (https://ffmpeg.org) and put it on PATH, ` +
      'or set SEIMON_FFMPEG to the full path of the ffmpeg program; or convert the file to WAV or FLAC first.',
  );
}

/** Decodes anything ffmpeg understands into float WAV over a pipe, then parses that WAV. */
export function decodeWithFfmpeg(
  ffmpeg: string,
  input: Uint8Array,
  what: string,
): Promise<DecodedAudio> {
  return new Promise((resolve, reject) => {
    const args = [
      '-v',
      'error',
      '-nostdin',
      '-i',
      'pipe:0',
      '-vn',
      '-f',
      'wav',
      '-acodec',
      'pcm_f32le',
      'pipe:1',
    ];
    const child = spawn(ffmpeg, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FFMPEG_OUTPUT_BYTES) {
        child.kill('SIGKILL');
        reject(
          new SeimonError(
            'AUDIO_TOO_LARGE',
            `${what} decodes to more than 2 GiB of audio; split it into shorter files.`,
          ),
        );
        return;
      }
      chunks.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString();
    });
    child.on('error', (e) =>
      reject(
        new SeimonError('AUDIO_FFMPEG_FAILED', `Could not run ffmpeg (${ffmpeg}): ${e.message}`),
      ),
    );
    child.stdin.on('error', () => undefined); // ffmpeg may close stdin early on bad input
    child.on('close', (code) => {
      if (code !== 0 || size === 0) {
        reject(
          new SeimonError(
            'AUDIO_DECODE_FAILED',
            `ffmpeg could not decode ${what}: ${stderr.trim().split('\n').pop() ?? 'no output'}`,
          ),
        );
        return;
      }
      try {
        const decoded = decodeWav(bufferSource(Buffer.concat(chunks)));
        resolve({ ...decoded, format: { container: 'ffmpeg', codec: 'ffmpeg' } });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.stdin.end(input);
  });
}
