/**
 * Short-speech pipeline experiment (issue 19): EER by speech duration for ways of embedding short clips
 * through the app's own front-end (decode, VAD, windows, fbank, ONNX), on the test set that
 * models/training/short_eval.py builds. Used to choose the app's short-speech policy on the DEV half;
 * the model card reports the TEST half.
 *
 *   npx tsx scripts/eval/short-speech.ts [--half dev|test] [--model file.onnx] [--policies a,b] [--json out.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpeechAudio } from '../../src/audio/pipeline.js';
import { detectSpeech } from '../../src/audio/vad/index.js';
import { DEFAULT_SEGMENT_RULES, probabilitiesToSegments } from '../../src/audio/vad/segments.js';
import type { SegmentRules } from '../../src/audio/vad/segments.js';
import { Embedder } from '../../src/embedding/embedder.js';
import type { EmbeddingModelRef } from '../../src/embedding/model-ref.js';
import { cosine } from '../../src/embedding/vectors.js';
import { eer, sortTrials } from '../../src/scoring/metrics.js';
import { printTable } from '../bench/table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SET_DIR = path.join(process.env.SEIMON_CACHE ?? '/tmp/seimon-train-cache', 'short-eval');

/** One way of turning a clip into an embedding. */
interface Policy {
  name: string;
  /** null: no VAD, the whole file is speech. */
  vad: SegmentRules | null;
  windowSeconds: number;
  hopSeconds: number;
  /** Speech shorter than this many seconds is repeated end to end up to it (a padded window). */
  loopTo?: number;
  /** Speech up to this many seconds is embedded as one window of all of it. */
  wholeBelow?: number;
}

const WIDE: SegmentRules = { ...DEFAULT_SEGMENT_RULES, minSilence: 0.6, pad: 0.25 };
const WIDER: SegmentRules = { ...DEFAULT_SEGMENT_RULES, minSilence: 1.0, pad: 0.25 };
const GENTLE: SegmentRules = { ...DEFAULT_SEGMENT_RULES, minSilence: 0.3, pad: 0.15 };
const POLICIES: Record<string, Policy> = {
  current: { name: 'VAD (pad 0.03 s, gap 0.1 s), 3 s windows / 1.5 s hop', vad: DEFAULT_SEGMENT_RULES, windowSeconds: 3, hopSeconds: 1.5 },
  novad: { name: 'no VAD, 3 s windows / 1.5 s hop', vad: null, windowSeconds: 3, hopSeconds: 1.5 },
  gentle: { name: 'VAD (pad 0.15 s, gap 0.3 s), 3 s windows / 1.5 s hop', vad: GENTLE, windowSeconds: 3, hopSeconds: 1.5 },
  gentle6: { name: 'VAD (pad 0.15 s, gap 0.3 s), 6 s windows / 3 s hop', vad: GENTLE, windowSeconds: 6, hopSeconds: 3 },
  current6: { name: 'VAD (pad 0.03 s, gap 0.1 s), 6 s windows / 3 s hop', vad: DEFAULT_SEGMENT_RULES, windowSeconds: 6, hopSeconds: 3 },
  novad6: { name: 'no VAD, 6 s windows / 3 s hop', vad: null, windowSeconds: 6, hopSeconds: 3 },
  whole6: { name: 'VAD (pad 0.03 s, gap 0.1 s), one window up to 6 s, else 3 s / 1.5 s', vad: DEFAULT_SEGMENT_RULES, windowSeconds: 3, hopSeconds: 1.5, wholeBelow: 6 },
  gentleW6: { name: 'VAD (pad 0.15 s, gap 0.3 s), one window up to 6 s, else 3 s / 1.5 s', vad: GENTLE, windowSeconds: 3, hopSeconds: 1.5, wholeBelow: 6 },
  wideW6: { name: 'VAD (pad 0.25 s, gap 0.6 s), one window up to 6 s, else 3 s / 1.5 s', vad: WIDE, windowSeconds: 3, hopSeconds: 1.5, wholeBelow: 6 },
  widerW6: { name: 'VAD (pad 0.25 s, gap 1.0 s), one window up to 6 s, else 3 s / 1.5 s', vad: WIDER, windowSeconds: 3, hopSeconds: 1.5, wholeBelow: 6 },
  novadW6: { name: 'no VAD, one window up to 6 s, else 3 s / 1.5 s', vad: null, windowSeconds: 3, hopSeconds: 1.5, wholeBelow: 6 },
  loop: { name: 'VAD (pad 0.03 s, gap 0.1 s), speech under 3 s repeated to 3 s', vad: DEFAULT_SEGMENT_RULES, windowSeconds: 3, hopSeconds: 1.5, loopTo: 3 },
};

interface TrialList {
  set: string;
  category: string;
  codec: string;
  trials: string;
  target: number;
  nontarget: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function modelRef(file: string): EmbeddingModelRef {
  return { id: path.basename(file), sha256: '', path: file, preset: '3dspeaker', inputName: 'feats', outputName: 'embs', windowSeconds: 3, hopSeconds: 1.5 };
}

/** The speech of the segments joined, repeated end to end until it lasts `seconds` (when shorter). */
function looped(samples: Float32Array, segs: { start: number; end: number }[], seconds: number): [Float32Array, { start: number; end: number }[]] {
  const parts = segs.map((s) => samples.subarray(Math.floor(s.start * 16000), Math.ceil(s.end * 16000)));
  const total = parts.reduce((n, x) => n + x.length, 0);
  if (total < 8000) return [samples, segs]; // under 0.5 s: no score, as without looping
  const want = Math.max(total, Math.round(seconds * 16000));
  const out = new Float32Array(want);
  for (let at = 0; at < want; )
    for (const x of parts) {
      out.set(x.subarray(0, Math.min(x.length, want - at)), at);
      at += Math.min(x.length, want - at);
    }
  return [out, [{ start: 0, end: want / 16000 }]];
}

const BUCKETS: [number, number][] = [[0, 0.5], [0.5, 1], [1, 1.5], [1.5, 2], [2, 3], [3, 5], [5, Infinity]];
const speechSecondsOf = (segs: { start: number; end: number }[]) => segs.reduce((n, s) => n + s.end - s.start, 0);

async function main(): Promise<void> {
  const half = arg('half', 'dev');
  const model = path.resolve(arg('model', path.join(ROOT, 'models', 'starter', 'seimon-starter-v2.onnx')));
  const names = arg('policies', Object.keys(POLICIES).join(',')).split(',');
  const indexFile = path.join(SET_DIR, 'index.json');
  if (!fs.existsSync(indexFile)) throw new Error(`${indexFile} not found: build it with /usr/bin/python3 models/training/short_eval.py`);
  const lists = (JSON.parse(fs.readFileSync(indexFile, 'utf8')) as Record<string, TrialList[]>)[half] ?? [];
  const parsed = lists.map((l) => ({
    ...l,
    rows: fs
      .readFileSync(l.trials, 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [lab, e, t] = line.split(' ');
        return { target: lab === '1', enrol: path.resolve(path.dirname(l.trials), e ?? ''), test: path.resolve(path.dirname(l.trials), t ?? '') };
      }),
  }));
  const files = [...new Set(parsed.flatMap((l) => l.rows.flatMap((r) => [r.enrol, r.test])))];
  const audio = new Map<string, { samples: Float32Array; probs: Float32Array; hop: number }>();
  for (const f of files) {
    const a = await loadSpeechAudio(f);
    const v = await detectSpeech(a.samples);
    audio.set(f, { samples: a.samples, probs: v.probabilities, hop: v.hopSeconds });
  }
  const strict = new Map<string, number>();
  for (const [f, a] of audio) strict.set(f, speechSecondsOf(probabilitiesToSegments(a.probs, a.hop, a.samples.length / 16000, DEFAULT_SEGMENT_RULES)));
  const byBucket: Record<string, Record<string, number>> = {};
  const results: Record<string, Record<string, number>> = {};
  const speechByCat: Record<string, number[]> = {};
  for (const key of names) {
    const p = POLICIES[key];
    if (!p) throw new Error(`unknown policy ${key}`);
    const windowed = new Embedder({ ...modelRef(model), windowSeconds: p.windowSeconds, hopSeconds: p.hopSeconds }, { workers: 1, intraOpThreads: 1 });
    const whole = new Embedder({ ...modelRef(model), windowSeconds: p.wholeBelow ?? p.windowSeconds, hopSeconds: p.wholeBelow ?? p.hopSeconds }, { workers: 1, intraOpThreads: 1 });
    await Promise.all([windowed.ready(), whole.ready()]);
    const embs = new Map<string, Float32Array | null>();
    const speech = new Map<string, number>();
    await Promise.all(
      files.map(async (f) => {
        const a = audio.get(f)!;
        const dur = a.samples.length / 16000;
        const segs = p.vad ? probabilitiesToSegments(a.probs, a.hop, dur, p.vad) : [{ start: 0, end: dur }];
        const total = segs.reduce((n, s) => n + s.end - s.start, 0);
        const embedder = p.wholeBelow && total <= p.wholeBelow ? whole : windowed;
        try {
          const r = p.loopTo ? await embedder.embed(...looped(a.samples, segs, p.loopTo)) : await embedder.embed(a.samples, segs);
          embs.set(f, r.embedding);
          speech.set(f, r.speechSeconds);
        } catch {
          embs.set(f, null); // too little speech: the app gives no score
          speech.set(f, 0);
        }
      }),
    );
    await Promise.all([windowed.close(), whole.close()]);
    results[key] = {};
    for (const l of parsed) {
      const tgt: number[] = [];
      const non: number[] = [];
      let unscored = 0;
      for (const r of l.rows) {
        const e = embs.get(r.enrol);
        const t = embs.get(r.test);
        if (!e || !t) {
          unscored++;
          // the app shows no score: for a same-speaker trial that is a miss, for a different-speaker one no false match
          (r.target ? tgt : non).push(-1);
          continue;
        }
        (r.target ? tgt : non).push(cosine(e, t));
      }
      const id = `${l.set} ${l.category} ${l.codec}`;
      results[key][id] = 100 * eer(sortTrials(tgt, non));
      if (unscored) results[key][`${id} unscored`] = unscored;
      if (key === names[0]) {
        const tests = [...new Set(l.rows.map((r) => r.test))];
        speechByCat[`${l.set} ${l.category}`] = tests.map((t) => speech.get(t) ?? 0);
      }
    }
    // EER by the test side's speech as the VAD counts it (tight rules), over every list of the half
    byBucket[key] = {};
    for (const [lo, hi] of BUCKETS) {
      const tgt: number[] = [];
      const non: number[] = [];
      for (const l of parsed)
        for (const r of l.rows) {
          const sp = strict.get(r.test) ?? 0;
          if (sp < lo || sp >= hi) continue;
          const e = embs.get(r.enrol);
          const t = embs.get(r.test);
          (r.target ? tgt : non).push(e && t ? cosine(e, t) : -1);
        }
      if (tgt.length && non.length) byBucket[key][`${lo}-${hi === Infinity ? '' : hi} s (${tgt.length}/${non.length})`] = 100 * eer(sortTrials(tgt, non));
    }
    console.error(`policy ${key} done`);
  }
  const ids = Object.keys(results[names[0]!] ?? {}).filter((k) => !k.endsWith('unscored'));
  printTable(`Short-speech EER (%), ${half} half, model ${path.basename(model)} (raw cosine)`, ['trials', ...names], ids.map((id) => [id, ...names.map((n) => results[n]?.[id] ?? NaN)]));
  printTable('Speech after VAD (policy ' + names[0] + '), seconds: median of test pieces', ['category', 'median', 'min'], Object.entries(speechByCat).map(([k, v]) => {
    const s = [...v].sort((a, b) => a - b);
    return [k, s[Math.floor(s.length / 2)] ?? 0, s[0] ?? 0];
  }));
  const bucketIds = [...new Set(names.flatMap((n) => Object.keys(byBucket[n] ?? {})))];
  printTable('EER (%) by the test side\'s speech (tight VAD count; target/non-target trials; unscored = miss / no false match)', ['speech', ...names], bucketIds.map((id) => [id, ...names.map((n) => byBucket[n]?.[id] ?? NaN)]));
  const out = arg('json', '');
  if (out) fs.writeFileSync(out, JSON.stringify({ half, model: path.basename(model), policies: Object.fromEntries(names.map((n) => [n, POLICIES[n]])), eer: results, eerBySpeech: byBucket }, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
