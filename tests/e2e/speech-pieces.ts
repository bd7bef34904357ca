/** Real speech for e2e specs: held-out LibriSpeech speakers (never seen in training) cut into WAV pieces. */
import fs from 'node:fs';
import path from 'node:path';
import { loadSpeechAudio } from '../../src/audio/pipeline.js';
import { encodeWavPcm16 } from '../../src/audio/wav-writer.js';
import { REPO_ROOT, SPEECH_DIR } from '../helpers/paths.js';

const LIBRI = 'librispeech-train-clean-100-1utt';

/** Held-out speakers of the LibriSpeech subset, in the order the training split lists them. */
export function heldOutSpeakers(): string[] {
  const all = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'models', 'training', 'heldout_speakers.json'), 'utf8')) as Record<string, string[]>;
  return all[LIBRI] ?? [];
}

/** One speaker's utterance at 16 kHz. */
export async function speakerSamples(speaker: string): Promise<Float32Array> {
  const src = path.join(SPEECH_DIR, LIBRI, speaker);
  const flac = fs.readdirSync(src).find((f) => f.endsWith('.flac')) ?? '';
  return (await loadSpeechAudio(path.join(src, flac))).samples;
}

/** Writes `seconds` of a speaker's speech starting at `from` seconds as a WAV file. */
export function writePiece(samples: Float32Array, file: string, from: number, seconds: number): string {
  fs.writeFileSync(file, encodeWavPcm16(samples.subarray(Math.round(from * 16000), Math.round((from + seconds) * 16000)), 16000));
  return file;
}
