import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SPEECH_DIR } from './paths.js';

/** A real LibriSpeech utterance from ../shared (undefined when the folder is absent). */
export function realSpeechFile(): string | undefined {
  const set = path.join(SPEECH_DIR, 'librispeech-train-clean-100-1utt');
  if (!fs.existsSync(set)) return undefined;
  for (const spk of fs.readdirSync(set).sort()) {
    const dir = path.join(set, spk);
    if (!fs.statSync(dir).isDirectory()) continue;
    const f = fs.readdirSync(dir).find((x) => x.endsWith('.flac'));
    if (f) return path.join(dir, f);
  }
  return undefined;
}

/** Synthesises speech with espeak-ng into `out` (returns false when espeak-ng is missing). */
export function espeak(text: string, out: string): boolean {
  try {
    execFileSync('espeak-ng', ['-w', out, text], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
