/**
 * Long-file memory check: writes an N-minute 48 kHz stereo 16-bit WAV to the temp folder (in pieces,
 * never whole in memory), streams it through decode -> mix -> resample -> fbank, and prints JSON with
 * the peak RSS. Usage: npx tsx scripts/bench/long-file.ts [minutes=120]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fbankFromFile } from '../../src/features/extract.js';

const RATE = 48000;

function writeLongWav(file: string, seconds: number): void {
  const frames = seconds * RATE;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + frames * 4, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(2, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 4, 28);
  header.writeUInt16LE(4, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(frames * 4, 40);
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, header);
    const block = Buffer.alloc(RATE * 4); // one second
    for (let s = 0; s < seconds; s++) {
      for (let i = 0; i < RATE; i++) {
        const t = s + i / RATE;
        const v = Math.round(
          6000 * Math.sin(2 * Math.PI * 180 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t)),
        );
        block.writeInt16LE(v, 4 * i);
        block.writeInt16LE(v >> 1, 4 * i + 2);
      }
      fs.writeSync(fd, block);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Generates, streams and measures; returns the figures it prints. */
export async function runLongFileCheck(
  minutes: number,
): Promise<{
  minutes: number;
  fileMiB: number;
  frames: number;
  seconds: number;
  maxRssMiB: number;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-long-'));
  const file = path.join(dir, 'long.wav');
  try {
    writeLongWav(file, minutes * 60);
    const t0 = performance.now();
    const { features } = await fbankFromFile(file, 'wespeaker');
    const seconds = (performance.now() - t0) / 1000;
    return {
      minutes,
      fileMiB: Math.round(fs.statSync(file).size / 2 ** 20),
      frames: features.numFrames,
      seconds: Math.round(seconds * 10) / 10,
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
) {
  console.log(JSON.stringify(await runLongFileCheck(Number(process.argv[2] ?? 120))));
}
