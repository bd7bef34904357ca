import fs from 'node:fs';
import path from 'node:path';
import { bufferSource } from '../../src/audio/byte-source.js';
import { decodeWav } from '../../src/audio/wav.js';
import { computeFbank } from '../../src/features/fbank.js';
import { decodeNpy } from '../../src/features/npy.js';
import { FBANK_PRESETS } from '../../src/features/presets.js';
import type { FbankPresetName } from '../../src/features/presets.js';

export interface GoldenDiff {
  name: string;
  preset: FbankPresetName;
  frames: number;
  expectedFrames: number;
  meanAbs: number;
  maxAbs: number;
}

/** Lists `<name>.wav` files that have golden .npy companions in `dir`. */
export function goldenCases(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.wav'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** Computes our fbank for one golden case and compares it with the reference .npy. */
export function compareGolden(dir: string, name: string, preset: FbankPresetName): GoldenDiff {
  const audio = decodeWav(bufferSource(fs.readFileSync(path.join(dir, `${name}.wav`))));
  const ours = computeFbank(audio.channels[0]!, FBANK_PRESETS[preset]);
  const ref = decodeNpy(fs.readFileSync(path.join(dir, `${name}.${preset}.npy`)));
  let sum = 0;
  let max = 0;
  const n = Math.min(ours.data.length, ref.data.length);
  for (let i = 0; i < n; i++) {
    const d = Math.abs(ours.data[i]! - ref.data[i]!);
    sum += d;
    if (d > max) max = d;
  }
  return {
    name,
    preset,
    frames: ours.numFrames,
    expectedFrames: ref.numFrames,
    meanAbs: n > 0 ? sum / n : 0,
    maxAbs: max,
  };
}
