/**
 * Window-hop experiment (issue 19): what the 3 s windows' overlap buys. Embeds held-out speakers through
 * the app's front-end (decode, VAD, wide segments, windows, fbank, ONNX) with several hops and reports
 *  - long-vs-long EER (LibriSpeech: first half of the utterance against the second; Speech Commands:
 *    12 joined words against the next 12) and how far each trial's cosine moves from the 1.5 s hop;
 *  - splices: a 3 s or 4.5 s piece of speaker B put inside another held-out speaker's utterance, scored
 *    against B's first half by the timeline's peak window and by the clip's mean embedding (EER), and
 *    whether the peak window lies on the piece (localisation);
 *  - network input: seconds of audio through the model per second of speech.
 * Held-out speakers and their dev/test halves come from models/training/short_eval_split.json.
 *
 *   npx tsx scripts/eval/window-hop.ts [--half dev|test|all] [--hops 1.5,2,2.5,3] [--json out.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpeechAudio } from '../../src/audio/pipeline.js';
import { Embedder } from '../../src/embedding/embedder.js';
import type { ClipEmbedding } from '../../src/embedding/embedder.js';
import { embedSpeech } from '../../src/embedding/embed-speech.js';
import { cosine, meanOfNormalized } from '../../src/embedding/vectors.js';
import { eer, sortTrials } from '../../src/scoring/metrics.js';
import { printTable } from '../bench/table.js';
import { mulberry32 } from '../../src/core/prng.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEECH = path.resolve(ROOT, '..', 'shared', 'data', 'speech');
const SR = 16000;
const INSERTS = [3, 4.5];
/** Host utterances per inserted speaker and length. */
const HOSTS = 3;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

interface Clip {
  id: string;
  samples: Float32Array;
}
interface Trial {
  enrol: string;
  test: string;
  target: boolean;
}
interface Splice extends Clip {
  speaker: string;
  host: string;
  /** Where the inserted piece lies in the clip, seconds. */
  from: number;
  to: number;
  length: number;
}

const join = (parts: Float32Array[]): Float32Array => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

async function buildSets(speakers: { ls: string[]; sc: string[] }) {
  const clips: Clip[] = [];
  const longTrials: Record<string, Trial[]> = { libri: [], words: [] };
  const utt = new Map<string, Float32Array>();
  for (const s of speakers.ls) {
    const dir = path.join(SPEECH, 'librispeech-train-clean-100-1utt', s);
    const f = fs.readdirSync(dir).find((x) => x.endsWith('.flac'));
    if (!f) continue;
    const a = (await loadSpeechAudio(path.join(dir, f))).samples;
    utt.set(s, a);
    const half = Math.floor(a.length / 2 / 160) * 160;
    clips.push(
      { id: `ls-${s}-a`, samples: a.slice(0, half) },
      { id: `ls-${s}-b`, samples: a.slice(half) },
    );
  }
  const lsIds = [...utt.keys()];
  for (const e of lsIds)
    for (const t of lsIds)
      longTrials.libri!.push({ enrol: `ls-${e}-a`, test: `ls-${t}-b`, target: e === t });
  const scIds: string[] = [];
  for (const s of speakers.sc) {
    const dir = path.join(SPEECH, 'speech-commands-v002', s);
    const files = fs
      .readdirSync(dir)
      .filter((x) => x.endsWith('.flac'))
      .sort();
    if (files.length < 16) continue;
    const words = await Promise.all(
      files.slice(0, 24).map(async (f) => (await loadSpeechAudio(path.join(dir, f))).samples),
    );
    const cut = Math.floor(words.length / 2);
    clips.push(
      { id: `sc-${s}-a`, samples: join(words.slice(0, cut)) },
      { id: `sc-${s}-b`, samples: join(words.slice(cut)) },
    );
    scIds.push(s);
  }
  for (const e of scIds)
    for (const t of scIds)
      longTrials.words!.push({ enrol: `sc-${e}-a`, test: `sc-${t}-b`, target: e === t });

  // Splices: B's piece (from the second half of B's utterance) inside the next speaker's whole utterance.
  const splices: Splice[] = [];
  const draw = mulberry32(20261130); // every hop sees the same splices
  for (const length of INSERTS)
    for (let k = 1; k <= HOSTS; k++)
      lsIds.forEach((b, i) => {
        const hostId = lsIds[(i + k) % lsIds.length]!;
        const host = utt.get(hostId)!;
        const src = utt.get(b)!;
        const half = Math.floor(src.length / 2 / 160) * 160;
        const piece = src.slice(half, half + Math.round(length * SR));
        const at = Math.floor(((0.2 + 0.6 * draw()) * host.length) / 160) * 160;
        splices.push({
          id: `splice-${length}-${b}-${k}`,
          speaker: b,
          host: hostId,
          length,
          samples: join([host.subarray(0, at), piece, host.subarray(at)]),
          from: at / SR,
          to: (at + piece.length) / SR,
        });
      });
  return { clips, longTrials, splices, lsIds };
}

const TAUS = (
  process.argv.includes('--taus')
    ? process.argv[process.argv.indexOf('--taus') + 1]!
    : '0.3,0.4,0.5,0.6,0.7'
)
  .split(',')
  .map(Number);

/**
 * The 1.5 s-hop windows thinned as a 3 s-hop tiling would be with in-between windows only where the two
 * tiles around them disagree (cosine < tau): even windows and the last are tiles, odd ones are fills.
 */
function simulateAdaptive(embs: Map<string, ClipEmbedding>, tau: number) {
  const out = new Map<string, ClipEmbedding>();
  let windowSeconds = 0;
  let speechSeconds = 0;
  for (const [id, c] of embs) {
    const n = c.windows.length;
    const keep = c.windows.filter((_, j) => {
      if (j % 2 === 0 || j === n - 1) return true;
      return cosine(c.windows[j - 1]!.embedding, c.windows[j + 1]!.embedding) < tau;
    });
    const tiles = c.windows.filter((_, j) => j % 2 === 0 || j === n - 1);
    out.set(id, {
      ...c,
      windows: keep,
      embedding: meanOfNormalized((MEAN_OF_TILES ? tiles : keep).map((w) => w.embedding)),
    });
    windowSeconds += keep.reduce((s, w) => s + Math.min(3, w.end - w.start), 0);
    speechSeconds += c.speechSeconds;
  }
  return {
    name: `fill <${tau}${MEAN_OF_TILES ? ' tiles' : ''}`,
    embs: out,
    windowSeconds,
    speechSeconds,
  };
}
const MEAN_OF_TILES = process.argv.includes('--mean-of-tiles');

const overlap = (a: { start: number; end: number }, from: number, to: number) =>
  Math.max(0, Math.min(a.end, to) - Math.max(a.start, from));

async function main(): Promise<void> {
  if (!fs.existsSync(SPEECH))
    throw new Error(`${SPEECH} not found: this experiment needs ../shared/data/speech`);
  const half = arg('half', 'dev');
  const hops = arg('hops', '1.5,2,2.5,3').split(',').map(Number);
  const split = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'models', 'training', 'short_eval_split.json'), 'utf8'),
  ) as Record<string, Record<string, string[]>>;
  const halves = half === 'all' ? ['dev', 'test'] : [half];
  const speakers = {
    ls: halves.flatMap((h) => split[h]?.['librispeech-train-clean-100-1utt'] ?? []),
    sc: halves.flatMap((h) => split[h]?.['speech-commands-v002'] ?? []),
  };
  const { clips, longTrials, splices, lsIds } = await buildSets(speakers);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'models', 'starter', 'manifest.json'), 'utf8'),
  ) as Record<string, unknown>;
  const modelPath = path.join(ROOT, 'models', 'starter', String(manifest.file));
  const rows: Record<string, Record<string, number | string>> = {};
  const base = new Map<string, number>();
  const variants: {
    name: string;
    embs: Map<string, ClipEmbedding>;
    windowSeconds: number;
    speechSeconds: number;
  }[] = [];
  for (const hop of hops) {
    const embedder = new Embedder({
      id: 'starter',
      sha256: '',
      path: modelPath,
      preset: '3dspeaker',
      inputName: 'feats',
      outputName: 'embs',
      windowSeconds: 3,
      hopSeconds: hop,
    });
    await embedder.ready();
    const embs = new Map<string, ClipEmbedding>();
    let windowSeconds = 0;
    let speechSeconds = 0;
    for (const c of [...clips, ...splices]) {
      const r = await embedSpeech(embedder, c.samples);
      if (!r.clip) continue;
      embs.set(c.id, r.clip);
      windowSeconds += r.clip.windows.reduce((n, w) => n + Math.min(3, w.end - w.start), 0);
      speechSeconds += r.clip.speechSeconds;
    }
    await embedder.close();
    variants.push({ name: `hop ${hop} s`, embs, windowSeconds, speechSeconds });
    if (hop === 1.5) for (const tau of TAUS) variants.push(simulateAdaptive(embs, tau));
  }
  for (const { name, embs, windowSeconds, speechSeconds } of variants) {
    const row: Record<string, number | string> = {
      'network seconds per speech second': windowSeconds / speechSeconds,
    };
    const shifts: number[] = [];
    for (const [set, trials] of Object.entries(longTrials)) {
      const tgt: number[] = [];
      const non: number[] = [];
      for (const t of trials) {
        const e = embs.get(t.enrol);
        const x = embs.get(t.test);
        if (!e || !x) continue;
        const s = cosine(e.embedding, x.embedding);
        (t.target ? tgt : non).push(s);
        const key = `${set}:${t.enrol}:${t.test}`;
        if (name === variants[0]!.name) base.set(key, s);
        else shifts.push(Math.abs(s - (base.get(key) ?? s)));
      }
      row[`${set} long EER % (${tgt.length}/${non.length})`] = 100 * eer(sortTrials(tgt, non));
    }
    if (name !== variants[0]!.name) {
      shifts.sort((a, b) => a - b);
      row[`|cosine change| vs ${hops[0]} s hop, mean`] =
        shifts.reduce((a, b) => a + b, 0) / shifts.length;
      row[`|cosine change| vs ${hops[0]} s hop, 99th pct`] =
        shifts[Math.floor(0.99 * (shifts.length - 1))] ?? NaN;
    }
    for (const length of INSERTS) {
      const peakT: number[] = [];
      const peakN: number[] = [];
      const meanT: number[] = [];
      const meanN: number[] = [];
      let hits = 0;
      let targets = 0;
      for (const sp of splices.filter((s) => s.length === length)) {
        const clip = embs.get(sp.id);
        if (!clip) continue;
        for (const b of lsIds) {
          const enrol = embs.get(`ls-${b}-a`);
          if (!enrol) continue;
          if (b !== sp.speaker && b === sp.host) continue; // B is the host's voice: neither target nor clean non-target
          const scores = clip.windows.map((w) => cosine(w.embedding, enrol.embedding));
          const peak = Math.max(...scores);
          const target = b === sp.speaker;
          (target ? peakT : peakN).push(peak);
          (target ? meanT : meanN).push(cosine(clip.embedding, enrol.embedding));
          if (target) {
            targets++;
            const w = clip.windows[scores.indexOf(peak)]!;
            if (overlap(w, sp.from, sp.to) >= 0.5 * Math.min(w.end - w.start, sp.to - sp.from))
              hits++;
          }
        }
      }
      row[`${length} s splice, timeline peak EER %`] = 100 * eer(sortTrials(peakT, peakN));
      row[`${length} s splice, clip mean EER %`] = 100 * eer(sortTrials(meanT, meanN));
      row[`${length} s splice, peak window on the piece %`] = (100 * hits) / Math.max(1, targets);
    }
    rows[name] = row;
  }
  const names = variants.map((v) => v.name);
  const measures = Object.keys(rows[names[0]!] ?? {}).concat(
    Object.keys(rows[names[1]!] ?? {}).filter((k) => k.startsWith('|')),
  );
  printTable(
    `Window hop (3 s windows), ${half} half: ${lsIds.length} LibriSpeech + words speakers, ${splices.length} splices`,
    ['measure', ...names],
    [...new Set(measures)].map((m) => [m, ...names.map((n) => rows[n]?.[m] ?? '')]),
  );
  const out = arg('json', '');
  if (out) fs.writeFileSync(out, JSON.stringify({ half, hops, taus: TAUS, rows }, null, 1));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
