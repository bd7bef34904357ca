/**
 * Peer benchmark: Seimon's embedding engine vs sherpa-onnx-node on the same ONNX model and the same
 * 16 kHz audio, in the same run. Reports throughput (seconds of audio per second) and agreement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadSpeechAudio } from '../../src/audio/pipeline.js';
import { Embedder } from '../../src/embedding/embedder.js';
import type { EmbeddingModelRef } from '../../src/embedding/model-ref.js';
import { cosine } from '../../src/embedding/vectors.js';
import { printTable } from './table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEECH = path.resolve(ROOT, '..', 'shared', 'data', 'speech', 'librispeech-train-clean-100-1utt');
const MODEL_DIR = path.join(ROOT, 'models', 'starter');
const FILE_COUNT = 60;

interface SherpaExtractor {
  dim: number;
  createStream(): { acceptWaveform(o: { sampleRate: number; samples: Float32Array }): void; inputFinished?: () => void };
  compute(stream: unknown, external?: boolean): Float32Array;
}

function listFiles(): string[] {
  return fs
    .readdirSync(SPEECH)
    .filter((d) => fs.statSync(path.join(SPEECH, d)).isDirectory())
    .sort()
    .slice(0, FILE_COUNT)
    .flatMap((d) => fs.readdirSync(path.join(SPEECH, d)).filter((f) => f.endsWith('.flac')).slice(0, 1).map((f) => path.join(SPEECH, d, f)));
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function pairwise(embs: Float32Array[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < embs.length; i++) for (let j = i + 1; j < embs.length; j++) out.push(cosine(embs[i] as Float32Array, embs[j] as Float32Array));
  return out;
}

function loadStarterModel(): EmbeddingModelRef | null {
  const manifestFile = path.join(MODEL_DIR, 'manifest.json');
  if (!fs.existsSync(manifestFile)) return null;
  const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  return {
    id: String(m.id),
    sha256: String(m.sha256),
    path: path.join(MODEL_DIR, String(m.file)),
    preset: m.preset === 'wespeaker' ? 'wespeaker' : '3dspeaker',
    inputName: String(m.inputName ?? 'feats'),
    outputName: String(m.outputName ?? 'embs'),
    windowSeconds: Number(m.windowSeconds ?? 3),
    hopSeconds: Number(m.hopSeconds ?? 1.5),
  };
}

/** Runs the peer benchmark and prints its tables. */
export async function runEmbeddingBench(): Promise<void> {
  const model = loadStarterModel();
  if (!model) return console.log('\n## Embedding peer benchmark\nskipped: models/starter/manifest.json not found');
  if (!fs.existsSync(SPEECH)) return console.log(`\n## Embedding peer benchmark\nskipped: ${SPEECH} not found`);
  const files = listFiles();
  const audio = [];
  for (const f of files) audio.push((await loadSpeechAudio(f)).samples);
  const seconds = audio.reduce((n, a) => n + a.length / 16000, 0);
  const cores = os.availableParallelism();

  // Whole-utterance mode: one window per file, exactly what sherpa-onnx computes.
  const whole = new Embedder({ ...model, windowSeconds: 1e6 }, { workers: cores, intraOpThreads: 1 });
  await whole.ready();
  let t0 = performance.now();
  const ours = await Promise.all(audio.map((a) => whole.embed(a, [{ start: 0, end: a.length / 16000 }]).then((r) => r.embedding)));
  const oursSec = (performance.now() - t0) / 1000;
  await whole.close();

  // The same, with sherpa-onnx's own front-end settings (high_freq = -400, i.e. mel bins end at 7.6 kHz;
  // snip_edges = false), which differ from the Kaldi defaults the model was trained with: this isolates
  // the inference engines from the front-end difference.
  const compat = new Embedder({ ...model, windowSeconds: 1e6 }, { workers: cores, intraOpThreads: 1 }, { fbank: { highFreq: -400 }, snipEdges: false });
  await compat.ready();
  const oursCompat = await Promise.all(audio.map((a) => compat.embed(a, [{ start: 0, end: a.length / 16000 }]).then((r) => r.embedding)));
  await compat.close();

  // The app's default: 3 s windows, 1.5 s hop (twice the audio through the network).
  const windowed = new Embedder(model, { workers: cores, intraOpThreads: 1 });
  await windowed.ready();
  t0 = performance.now();
  await Promise.all(audio.map((a) => windowed.embed(a, [{ start: 0, end: a.length / 16000 }])));
  const windowedSec = (performance.now() - t0) / 1000;
  await windowed.close();

  try {
    const require = createRequire(import.meta.url);
    const sherpa = require('sherpa-onnx-node') as { SpeakerEmbeddingExtractor: new (c: object) => SherpaExtractor };
    const extractor = new sherpa.SpeakerEmbeddingExtractor({ model: model.path, numThreads: cores, debug: false, provider: 'cpu' });
    t0 = performance.now();
    const theirs = audio.map((a) => {
      const stream = extractor.createStream();
      stream.acceptWaveform({ sampleRate: 16000, samples: a });
      stream.inputFinished?.();
      return Float32Array.from(extractor.compute(stream, false));
    });
    const theirSec = (performance.now() - t0) / 1000;
    const sherpaRow: (string | number)[] = ['sherpa-onnx-node', 'whole utterance', seconds / theirSec, 1, `${cores} threads`];
    const agreementRows = (label: string, mine: Float32Array[]): (string | number)[][] => {
      const perFile = mine.map((e, i) => cosine(e, theirs[i] as Float32Array));
      return [
        [`${label}: mean cosine(Seimon, sherpa) per file`, perFile.reduce((a, b) => a + b, 0) / perFile.length],
        [`${label}: min cosine(Seimon, sherpa) per file`, Math.min(...perFile)],
        [`${label}: Pearson r of pairwise scores (${(files.length * (files.length - 1)) / 2} pairs)`, pearson(pairwise(mine), pairwise(theirs))],
      ];
    };
    const agreement = [
      ...agreementRows('same front-end as sherpa (7.6 kHz top, no snip)', oursCompat),
      ...agreementRows("model's own preset (Kaldi defaults, as trained)", ours),
    ];
    const ratio = seconds / oursSec / (seconds / theirSec);
    printTable(`Embedding throughput, ${files.length} LibriSpeech files, ${seconds.toFixed(0)} s of audio, model ${model.id}`, ['engine', 'mode', 'audio s / s', 'vs sherpa', 'threads'], [
      ['Seimon', 'whole utterance', seconds / oursSec, ratio, `${cores} workers x 1`],
      ['Seimon', '3 s windows, 1.5 s hop', seconds / windowedSec, (seconds / windowedSec) / (seconds / theirSec), `${cores} workers x 1`],
      sherpaRow,
    ]);
    printTable('Agreement with sherpa-onnx on the same model', ['measure', 'value'], agreement);
  } catch (e) {
    printTable(`Embedding throughput (${seconds.toFixed(0)} s of audio)`, ['engine', 'mode', 'audio s / s', 'note'], [
      ['Seimon', 'whole utterance', seconds / oursSec, ''],
      ['Seimon', '3 s windows', seconds / windowedSec, ''],
      ['sherpa-onnx-node', '', 'failed', (e as Error).message],
    ]);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await runEmbeddingBench();
