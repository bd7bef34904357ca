/**
 * A population far from the starter's cohort, built on purpose from ../shared (speaker-models.md, "The
 * relevant population"): LibriSpeech speakers (the model's held-out speakers first), each utterance cut
 * in three, every piece passed through the same strong transform (pitch up 3 semitones, telephone band
 * 300-3400 Hz, 8 kHz), as performers (two references each), "clone" suspects (the third piece of a
 * performer: what an imitation of that voice should score like) and unrelated suspects (speakers never
 * enrolled). Speech Commands words proved too short (about 1 s of speech per four words) for references. Embedded with the app's embedder; files and
 * embeddings are cached under `cacheDir` so reruns and tests skip the work.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { embedFile } from '../../src/embedding/embed-file.js';
import { Embedder } from '../../src/embedding/embedder.js';
import { windowHopSeconds } from '../../src/domain/window-plan.js';

export type Transform = 'shifted' | 'clean';

export interface ShiftVoice {
  speaker: string;
  role: 'ref-a' | 'ref-b' | 'clone' | 'unrelated';
  file: string;
}

export interface EmbeddedVoice extends ShiftVoice {
  embedding: Float32Array;
  windows: Float32Array[];
}

export interface ShiftSetOptions {
  speechDir: string;
  repoRoot: string;
  cacheDir: string;
  performers: number;
  unrelated: number;
  transform: Transform;
}

const SET = 'librispeech-train-clean-100-1utt';

/** LibriSpeech speakers, the model's held-out speakers first. */
function speakers(o: ShiftSetOptions): string[] {
  const base = path.join(o.speechDir, SET);
  const heldout = (JSON.parse(fs.readFileSync(path.join(o.repoRoot, 'models', 'training', 'heldout_speakers.json'), 'utf8')) as Record<string, string[]>)[SET] ?? [];
  const all = fs.readdirSync(base).filter((s) => fs.statSync(path.join(base, s)).isDirectory()).sort();
  return [...all.filter((s) => heldout.includes(s)), ...all.filter((s) => !heldout.includes(s))];
}

function utterance(o: ShiftSetOptions, speaker: string): { file: string; seconds: number } {
  const dir = path.join(o.speechDir, SET, speaker);
  const f = fs.readdirSync(dir).filter((x) => x.endsWith('.flac')).sort()[0];
  if (!f) throw new Error(`No FLAC for ${speaker}`);
  const file = path.join(dir, f);
  return { file, seconds: Number(execFileSync('soxi', ['-D', file]).toString().trim()) };
}

/** Third `part` (0, 1, 2) of the utterance, transformed. */
function render(input: { file: string; seconds: number }, part: number, out: string, transform: Transform): void {
  if (fs.existsSync(out)) return;
  const len = input.seconds / 3;
  const effects = transform === 'shifted' ? ['pitch', '300', 'sinc', '300-3400', 'rate', '8k'] : ['rate', '16k'];
  const tmp = `${out}.tmp.wav`;
  execFileSync('sox', [input.file, '-b', '16', tmp, 'channels', '1', 'trim', (part * len).toFixed(3), len.toFixed(3), ...effects], { stdio: 'ignore' });
  fs.renameSync(tmp, out);
}

/** Writes the set's audio (once) and lists it. */
export function buildShiftSet(o: ShiftSetOptions): ShiftVoice[] {
  const dir = path.join(o.cacheDir, o.transform);
  fs.mkdirSync(dir, { recursive: true });
  const list = speakers(o);
  if (list.length < o.performers + o.unrelated) throw new Error(`Only ${list.length} speakers`);
  const out: ShiftVoice[] = [];
  list.slice(0, o.performers).forEach((s) => {
    const u = utterance(o, s);
    for (const [role, part] of [['ref-a', 0], ['ref-b', 1], ['clone', 2]] as const) {
      const file = path.join(dir, `${s}-${role}.wav`);
      render(u, part, file, o.transform);
      out.push({ speaker: s, role, file });
    }
  });
  list.slice(o.performers, o.performers + o.unrelated).forEach((s) => {
    const file = path.join(dir, `${s}-unrelated.wav`);
    render(utterance(o, s), 1, file, o.transform);
    out.push({ speaker: s, role: 'unrelated', file });
  });
  return out;
}

interface CachedVector {
  embedding: number[];
  windows: number[][];
}

/** Embeds the set with the model through the app's own front-end (embedFile), cached per model SHA-256. */
export async function embedShiftSet(voices: ShiftVoice[], model: { id: string; sha256: string; path: string; inputName: string; outputName: string }, cacheDir: string): Promise<EmbeddedVoice[]> {
  // keyed by model and front-end version (issue 19 changed how speech reaches the model, then tiled the scoring windows)
  const cacheFile = path.join(cacheDir, `embeddings-${model.sha256.slice(0, 16)}-fe3.json`);
  const plan = { windowSeconds: 3, hopSeconds: 1.5 };
  const cache = (fs.existsSync(cacheFile) ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')) : {}) as Record<string, CachedVector | null>;
  let embedder: Embedder | undefined;
  const out: EmbeddedVoice[] = [];
  try {
    for (const v of voices) {
      const key = path.relative(cacheDir, v.file);
      let hit = cache[key];
      if (hit === undefined) {
        embedder ??= new Embedder({ ...model, preset: '3dspeaker', ...plan });
        try {
          // as the app scores: tiled windows
          const r = await embedFile(embedder, v.file, { hopSeconds: windowHopSeconds('score', plan) });
          hit = { embedding: Array.from(r.embedding), windows: r.windows.map((w) => Array.from(w.embedding)) };
        } catch {
          hit = null; // too little speech after the transform: this piece (and its speaker) is left out
        }
        cache[key] = hit;
      }
      if (hit === null) continue;
      out.push({ ...v, embedding: Float32Array.from(hit.embedding), windows: hit.windows.map((w) => Float32Array.from(w)) });
    }
  } finally {
    await embedder?.close();
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
  }
  // A performer counts only with all three pieces.
  const complete = (x: EmbeddedVoice) => x.role === 'unrelated' || out.filter((y) => y.speaker === x.speaker).length === 3;
  return out.filter(complete);
}
