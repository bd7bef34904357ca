/**
 * Fits the bundled starter model's score calibration on held-out speakers and measures it on other
 * held-out speakers, through the app's own front-end and engine. Writes `calibration` into
 * models/starter/manifest.json and the figures into models/starter/calibration.json.
 *   npx tsx scripts/calibrate-starter.ts [--score as-norm|raw-cosine]   (needs ../shared/data/speech)
 * --score as-norm (the default) calibrates AS-norm scores against the shipped cohort, as the app scores
 * them whenever the cohort is there (always, for the bundled model); raw-cosine calibrates plain cosines.
 * Held-out speakers (models/training/heldout_speakers.json) are split in two by their order in that
 * list: the first half fits the calibration, the second half measures it. Neither was trained on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpeechAudio } from '../src/audio/pipeline.js';
import { embedSpeech } from '../src/embedding/embed-speech.js';
import { MIN_SCORED_SPEECH_SECONDS } from '../src/domain/short-speech.js';
import { Embedder } from '../src/embedding/embedder.js';
import { cosine, meanOfNormalized } from '../src/embedding/vectors.js';
import { applyCalibration, fitCalibration } from '../src/scoring/calibration.js';
import { bandErrorRates } from '../src/scoring/band-rates.js';
import { cllr, eer, minCllr, sortTrials } from '../src/scoring/metrics.js';
import { packEmbeddings } from '../src/scoring/matrix.js';
import { asNorm, cohortStats } from '../src/scoring/normalization.js';
import type { ScoreKind } from '../src/scoring/calibration.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEECH = path.resolve(ROOT, '..', 'shared', 'data', 'speech');
const STARTER = path.join(ROOT, 'models', 'starter');
const SR = 16000;

interface Segment {
  speaker: string;
  samples: Float32Array;
}

const heldout = JSON.parse(fs.readFileSync(path.join(ROOT, 'models', 'training', 'heldout_speakers.json'), 'utf8')) as Record<string, string[]>;

/** LibriSpeech: each held-out utterance cut into non-overlapping 4 s pieces. */
async function librispeechSegments(speakers: string[]): Promise<Segment[]> {
  const out: Segment[] = [];
  for (const spk of speakers) {
    const dir = path.join(SPEECH, 'librispeech-train-clean-100-1utt', spk);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.flac'))) {
      const { samples } = await loadSpeechAudio(path.join(dir, f));
      for (let at = 0; at + 4 * SR <= samples.length; at += 4 * SR) out.push({ speaker: `ls-${spk}`, samples: samples.slice(at, at + 4 * SR) });
    }
  }
  return out;
}

/** Speech Commands: one speaker's one-second words joined into 3-word (about 3 s) pieces. */
async function speechCommandsSegments(speakers: string[]): Promise<Segment[]> {
  const out: Segment[] = [];
  for (const spk of speakers) {
    const dir = path.join(SPEECH, 'speech-commands-v002', spk);
    const files = fs.readdirSync(dir).filter((x) => x.endsWith('.flac')).sort();
    for (let i = 0; i + 3 <= files.length && i < 12; i += 3) {
      const parts = await Promise.all(files.slice(i, i + 3).map(async (f) => (await loadSpeechAudio(path.join(dir, f))).samples));
      const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        joined.set(p, at);
        at += p.length;
      }
      out.push({ speaker: `sc-${spk}`, samples: joined });
    }
  }
  return out;
}

async function embedAll(embedder: Embedder, segs: Segment[]): Promise<{ speaker: string; e: Float32Array }[]> {
  const out = [];
  for (const s of segs) {
    // as the app embeds a recording (src/embedding/embed-speech.ts), with the app's minimum speech
    const r = await embedSpeech(embedder, s.samples);
    if (r.clip && r.speechSeconds >= MIN_SCORED_SPEECH_SECONDS) {
      out.push({ speaker: s.speaker, e: r.clip.embedding });
    } // else too little speech in this piece: leave it out
  }
  return out;
}

/**
 * Trials as the app scores them: a test clip against one reference, and against a voiceprint made of
 * two references (the mean of their normalised embeddings), same speaker = target, different = non-target.
 */
function trials(embs: { speaker: string; e: Float32Array }[], score: (a: Float32Array, b: Float32Array) => number) {
  const targets: number[] = [];
  const nonTargets: number[] = [];
  for (let i = 0; i < embs.length; i++)
    for (let j = i + 1; j < embs.length; j++) {
      const a = embs[i];
      const b = embs[j];
      if (!a || !b) continue;
      (a.speaker === b.speaker ? targets : nonTargets).push(score(a.e, b.e));
    }
  // Two-reference voiceprints: the first two pieces of each speaker, against every other piece.
  const bySpeaker = new Map<string, Float32Array[]>();
  for (const x of embs) bySpeaker.set(x.speaker, [...(bySpeaker.get(x.speaker) ?? []), x.e]);
  for (const [speaker, list] of bySpeaker) {
    if (list.length < 3) continue;
    const voiceprint = meanOfNormalized(list.slice(0, 2));
    embs.forEach((x) => {
      if (x.speaker === speaker && list.indexOf(x.e) < 2) return;
      (x.speaker === speaker ? targets : nonTargets).push(score(voiceprint, x.e));
    });
  }
  return { targets, nonTargets };
}

const manifest = JSON.parse(fs.readFileSync(path.join(STARTER, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const embedder = new Embedder({
  id: String(manifest.id),
  sha256: String(manifest.sha256),
  path: path.join(STARTER, String(manifest.file)),
  preset: '3dspeaker',
  inputName: String(manifest.inputName),
  outputName: String(manifest.outputName),
  windowSeconds: Number(manifest.windowSeconds),
  hopSeconds: Number(manifest.hopSeconds),
});
const ls = heldout['librispeech-train-clean-100-1utt'] ?? [];
const sc = heldout['speech-commands-v002'] ?? [];
const half = <T>(xs: T[], second: boolean) => (second ? xs.slice(Math.ceil(xs.length / 2)) : xs.slice(0, Math.ceil(xs.length / 2)));

const arg = process.argv.indexOf('--score');
const scoreKind: ScoreKind = arg > 0 && process.argv[arg + 1] === 'raw-cosine' ? 'raw-cosine' : 'as-norm';
const cohortFile = JSON.parse(fs.readFileSync(path.join(STARTER, String(manifest.cohort)), 'utf8')) as { speakers: { embedding: number[] }[] };
const cohort = packEmbeddings(cohortFile.speakers.map((s) => Float32Array.from(s.embedding)), Number(manifest.embeddingDim));
const score =
  scoreKind === 'raw-cosine'
    ? cosine
    : (a: Float32Array, b: Float32Array) => asNorm(cosine(a, b), cohortStats(a, cohort), cohortStats(b, cohort));

const fitSet = trials(await embedAll(embedder, [...(await librispeechSegments(half(ls, false))), ...(await speechCommandsSegments(half(sc, false)))]), score);
const testSet = trials(await embedAll(embedder, [...(await librispeechSegments(half(ls, true))), ...(await speechCommandsSegments(half(sc, true)))]), score);
await embedder.close();

const cal = fitCalibration(fitSet.targets, fitSet.nonTargets, { scoreKind });
const llr = (xs: number[]) => xs.map((x) => applyCalibration(cal, x));
const raw = sortTrials(testSet.targets, testSet.nonTargets);
const calibrated = sortTrials(llr(testSet.targets), llr(testSet.nonTargets));
const report = {
  model: { id: manifest.id, sha256: manifest.sha256 },
  method: `logistic regression (prior-weighted, effective prior 0.5) on ${scoreKind === 'as-norm' ? 'AS-norm scores (shipped cohort, top 300)' : 'raw cosines'} of app-engine clip embeddings: clip vs clip and two-reference voiceprint vs clip`,
  fit: { speakers: 'first half of the held-out list', targets: fitSet.targets.length, nonTargets: fitSet.nonTargets.length },
  test: {
    speakers: 'second half of the held-out list (not used to fit)',
    targets: testSet.targets.length,
    nonTargets: testSet.nonTargets.length,
    eerPercent: +(100 * eer(raw)).toFixed(2),
    cllrBits: +cllr(calibrated).toFixed(4),
    minCllrBits: +minCllr(raw).toFixed(4),
    bands: bandErrorRates(calibrated).map((b) => ({ ...b, falseMatchRate: +b.falseMatchRate.toFixed(4), missRate: +b.missRate.toFixed(4) })),
  },
  calibration: cal,
};
fs.writeFileSync(path.join(STARTER, 'calibration.json'), JSON.stringify(report, null, 2) + '\n');
manifest.calibration = {
  ...cal,
  bandRates: report.test.bands.filter((b) => b.minPercent > 0).map((b) => ({ key: b.key, minPercent: b.minPercent, falseMatchRate: b.falseMatchRate, missRate: b.missRate })),
  bandRatesBasis: `held-out speakers not used to fit (${testSet.targets.length} same-speaker, ${testSet.nonTargets.length} different-speaker trials)`,
};
fs.writeFileSync(path.join(STARTER, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(JSON.stringify(report, null, 2));
