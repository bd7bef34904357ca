/**
 * Peer benchmark: Seimon's embedding engine vs sherpa-onnx-node on the same ONNX model, the same 16 kHz
 * audio and the same cores, timed in the same run. Each engine embeds the files whole and over the
 * app's windows (the same window plan for both); the runs are interleaved over several rounds after a
 * warm-up, and each row shows its best round (the one least disturbed by other load) and its median.
 * FLOPs are counted from the model's graph for the frames each engine computes, and set against this
 * machine's measured peak for ONNX Runtime (a large MatMul in the same thread layout).
 * Run alone with `npx tsx scripts/bench/embedding.ts` (SEIMON_BENCH_ROUNDS sets the rounds).
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
import { DEFAULT_WINDOW_OPTIONS, planWindows } from '../../src/embedding/windows.js';
import { countMacs } from './flops.js';
import { readOnnxGraph } from '../../src/embedding/onnx-graph.js';
import { poolPeak, sessionPeak } from './peak.js';
import type { PeerRun, PlanSet, SherpaExtractor } from './peer-runs.js';
import { windowHopSeconds } from '../../src/domain/window-plan.js';
import { seimonRuns, sherpaEmbeddings, sherpaRuns } from './peer-runs.js';
import { printTable } from './table.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SPEECH = path.resolve(ROOT, '..', 'shared', 'data', 'speech', 'librispeech-train-clean-100-1utt');
const MODEL_DIR = path.join(ROOT, 'models', 'starter');
const FILE_COUNT = 60;
const WARM_UP_FILES = 4;
const ROUNDS = Math.max(1, Number(process.env.SEIMON_BENCH_ROUNDS ?? 3));

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

function loadSherpa(modelPath: string, threads: number): SherpaExtractor | Error {
  try {
    const require = createRequire(import.meta.url);
    const sherpa = require('sherpa-onnx-node') as { SpeakerEmbeddingExtractor: new (c: object) => SherpaExtractor };
    return new sherpa.SpeakerEmbeddingExtractor({ model: modelPath, numThreads: threads, debug: false, provider: 'cpu' });
  } catch (e) {
    return e as Error;
  }
}

interface Timing {
  wall: number[];
  cpu: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function timeRun(run: PeerRun, all: number[]): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await run.go(all);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6 };
}

/** Runs the peer benchmark and prints its tables. */
export async function runEmbeddingBench(): Promise<void> {
  const model = loadStarterModel();
  if (!model) return console.log('\n## Embedding peer benchmark\nskipped: models/starter/manifest.json not found');
  if (!fs.existsSync(SPEECH)) return console.log(`\n## Embedding peer benchmark\nskipped: ${SPEECH} not found`);
  const loadBefore = load();
  const files = listFiles();
  const audio: Float32Array[] = [];
  for (const f of files) audio.push((await loadSpeechAudio(f)).samples);
  const seconds = audio.reduce((n, a) => n + a.length / 16000, 0);
  const cores = os.availableParallelism();
  const graph = readOnnxGraph(fs.readFileSync(model.path));
  const flopsCache = new Map<number, number>();
  const flopsForFrames = (frames: number): number => {
    let f = flopsCache.get(frames);
    if (f === undefined) {
      f = 2 * countMacs(graph, { [model.inputName]: [1, frames, 80] }).macs;
      flopsCache.set(frames, f);
    }
    return f;
  };
  const planSets: PlanSet[] = (['score', 'timeline'] as const).map((purpose) => {
    const hopSeconds = windowHopSeconds(purpose, model);
    return {
      label: `${purpose === 'score' ? 'scoring windows' : 'timeline windows'}: ${model.windowSeconds} s, ${hopSeconds} s hop`,
      hopSeconds,
      plans: audio.map((a) => planWindows(a, [{ start: 0, end: a.length / 16000 }], { ...DEFAULT_WINDOW_OPTIONS, windowSeconds: model.windowSeconds, hopSeconds })),
    };
  });
  const setup = { model, audio, planSets, cores, flopsForFrames };
  const seimon = await seimonRuns(setup);
  const extractor = loadSherpa(model.path, cores);
  const runs = [...seimon.runs, ...(extractor instanceof Error ? [] : sherpaRuns(setup, extractor))];
  const all = audio.map((_, i) => i);

  // Warm-up (sessions allocate on their first shapes), then interleaved timed rounds.
  for (const r of runs) await r.go(all.slice(0, WARM_UP_FILES));
  const timings = runs.map((): Timing => ({ wall: [], cpu: [] }));
  const peaks = { pool: [] as number[], session: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, r] of runs.entries()) {
      const t = await timeRun(r, all);
      timings[i]!.wall.push(t.wall);
      timings[i]!.cpu.push(t.cpu);
    }
    peaks.pool.push((await poolPeak(cores)).gflops);
    peaks.session.push((await sessionPeak(cores)).gflops);
  }

  // Agreement: Seimon whole utterances with the model's preset and with sherpa-onnx's own front-end
  // settings (high_freq = -400, i.e. mel bins end at 7.6 kHz; snip_edges = false), which isolates the
  // inference engines from the front-end difference.
  const compat = new Embedder({ ...model, windowSeconds: 1e6 }, { workers: cores, intraOpThreads: 1 }, { fbank: { highFreq: -400 }, snipEdges: false });
  await compat.ready();
  const embedAll = (e: Embedder) => Promise.all(audio.map((a) => e.embed(a, [{ start: 0, end: a.length / 16000 }]).then((r) => r.embedding)));
  const oursCompat = await embedAll(compat);
  const ours = await embedAll(seimon.embedders[0]!);
  const graphNote = seimon.embedders[0]!.graph;
  await compat.close();
  for (const e of seimon.embedders) await e.close();
  const loadAfter = load();

  const bestPool = Math.max(...peaks.pool);
  const bestSession = Math.max(...peaks.session);
  const best = timings.map((t) => Math.min(...t.wall));
  const sherpaIndex = (mode: string) => runs.findIndex((r) => r.engine === 'sherpa-onnx-node' && r.mode === mode);
  const rows = runs.map((r, i) => {
    const peer = sherpaIndex(r.mode.startsWith('whole utterance') ? 'whole utterance' : r.mode);
    const flops = r.flops(all);
    const peak = r.engine === 'Seimon' ? bestPool : bestSession;
    return [
      r.engine,
      r.mode,
      seconds / best[i]!,
      seconds / median(timings[i]!.wall),
      peer >= 0 ? best[peer]! / best[i]! : '-',
      flops / best[i]! / 1e9,
      `${((100 * flops) / best[i]! / 1e9 / peak).toFixed(0)} %`,
      median(timings[i]!.cpu) / seconds,
      r.threads,
    ];
  });
  printTable(
    `Embedding throughput, ${files.length} LibriSpeech files, ${seconds.toFixed(0)} s of audio, model ${model.id}, ${cores} cores, best of ${ROUNDS} rounds`,
    ['engine', 'mode', 'audio s / s (best)', 'audio s / s (median)', 'vs sherpa, same mode', 'GFLOP/s', 'of peak', 'CPU s per audio s', 'threads'],
    rows,
  );
  const wholeFlops = flopsForFrames(1000) / 10;
  const seimonPlan = (label: string) => runs.findIndex((r) => r.engine === 'Seimon' && r.mode === label);
  const planFlops = planSets.map((set) => runs[seimonPlan(set.label)]!.flops(all) / seconds);
  printTable('Model FLOPs (2 x multiply-accumulates of Conv, Gemm and MatMul, counted from the ONNX graph) and the measured peak', ['measure', 'value'], [
    ['GFLOP per second of audio, whole utterance (100 frames/s)', wholeFlops / 1e9],
    ...planSets.map((set, k) => [`GFLOP per second of audio, ${set.label} (these files)`, planFlops[k]! / 1e9]),
    [`peak GFLOP/s, ONNX Runtime MatMul 512x1024x1024, ${cores} workers x 1 thread (Seimon's layout), best of ${ROUNDS}`, bestPool],
    [`peak GFLOP/s, ONNX Runtime MatMul 512x1024x1024, 1 session x ${cores} threads (sherpa's layout), best of ${ROUNDS}`, bestSession],
  ]);
  if (extractor instanceof Error) {
    console.log(`sherpa-onnx-node failed to load: ${extractor.message}`);
    console.log(`Seimon's workers run the model: ${graphNote ?? 'unknown'}`);
    return;
  }
  const perRound = (a: number, b: number) => timings[b]!.wall.map((w, k) => (w / timings[a]!.wall[k]!).toFixed(2)).join(', ');
  const wSherpaWhole = sherpaIndex('whole utterance');
  printTable('Seimon vs sherpa-onnx-node per round (same files, same round)', ['comparison', 'best / best', 'each round'], [
    ['whole utterances', best[wSherpaWhole]! / best[0]!, perRound(0, wSherpaWhole)],
    ['whole utterances, Seimon with the graph as stored', best[wSherpaWhole]! / best[1]!, perRound(1, wSherpaWhole)],
    ...planSets.map((set) => [`${set.label}, both engines on the same windows`, best[sherpaIndex(set.label)]! / best[seimonPlan(set.label)]!, perRound(seimonPlan(set.label), sherpaIndex(set.label))]),
    ...planSets.map((set, k) => [
      `Seimon on ${set.label} vs sherpa on whole utterances (${(planFlops[k]! / wholeFlops).toFixed(2)}x the network FLOPs)`,
      best[wSherpaWhole]! / best[seimonPlan(set.label)]!,
      perRound(seimonPlan(set.label), wSherpaWhole),
    ]),
    ...runs.flatMap((r, i) =>
      r.engine === 'Seimon' && r.mode.includes('after the scoring windows')
        ? [[`Seimon's ${r.mode} vs sherpa on whole utterances (${(r.flops(all) / seconds / wholeFlops).toFixed(2)}x the network FLOPs)`, best[wSherpaWhole]! / best[i]!, perRound(i, wSherpaWhole)]]
        : [],
    ),
  ]);
  const theirs = sherpaEmbeddings(audio, extractor);
  const agreementRows = (label: string, mine: Float32Array[]): (string | number)[][] => {
    const perFile = mine.map((e, i) => cosine(e, theirs[i] as Float32Array));
    return [
      [`${label}: mean cosine(Seimon, sherpa) per file`, perFile.reduce((a, b) => a + b, 0) / perFile.length],
      [`${label}: min cosine(Seimon, sherpa) per file`, Math.min(...perFile)],
      [`${label}: Pearson r of pairwise scores (${(files.length * (files.length - 1)) / 2} pairs)`, pearson(pairwise(mine), pairwise(theirs))],
    ];
  };
  printTable('Agreement with sherpa-onnx on the same model', ['measure', 'value'], [
    ...agreementRows('same front-end as sherpa (7.6 kHz top, no snip)', oursCompat),
    ...agreementRows("model's own preset (Kaldi defaults, as trained)", ours),
  ]);
  console.log(`Seimon's workers run the model: ${graphNote ?? 'unknown'}`);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await runEmbeddingBench();
