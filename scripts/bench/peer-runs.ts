/**
 * The timed runs of the peer benchmark: Seimon and sherpa-onnx-node, each on whole utterances and on the
 * app's two window plans (scores: tiled; a clip's timeline: the model's hop; the same plan for both
 * engines), with the FLOPs each one computes.
 */
import { Embedder } from '../../src/embedding/embedder.js';
import type { EmbeddingModelRef } from '../../src/embedding/model-ref.js';
import type { WindowPlan } from '../../src/embedding/windows.js';
import { numFrames } from '../../src/features/fbank.js';

export interface SherpaExtractor {
  dim: number;
  createStream(): { acceptWaveform(o: { sampleRate: number; samples: Float32Array }): void; inputFinished?: () => void };
  compute(stream: unknown, external?: boolean): Float32Array;
}

export interface PeerRun {
  engine: string;
  mode: string;
  threads: string;
  /** Embeds the files at these indices. */
  go(indices: number[]): Promise<void>;
  /** FLOPs of the model for the given files as this engine frames them. */
  flops(indices: number[]): number;
}

/** Frames of `samples` for Seimon's front-end (Kaldi snip_edges) and for sherpa-onnx's (no snip). */
const SNIP = (samples: number) => numFrames(samples, 400, 160);
const NO_SNIP = (samples: number) => Math.floor((samples + 80) / 160);

/** One of the app's window plans laid over every file. */
export interface PlanSet {
  /** e.g. "scoring windows: 3 s, 3 s hop". */
  label: string;
  hopSeconds: number;
  plans: WindowPlan[];
}

export interface PeerSetup {
  model: EmbeddingModelRef;
  audio: Float32Array[];
  planSets: PlanSet[];
  cores: number;
  /** FLOPs of one run of the model over this many frames. */
  flopsForFrames: (frames: number) => number;
}

/**
 * Seimon's runs: whole utterances and each of the app's window plans as the app runs them (Conv1d layers
 * as Conv2d when the load-time rewrite checks out), and whole utterances with the graph as stored, to show
 * what the rewrite is worth. The caller closes the embedders.
 */
export async function seimonRuns(s: PeerSetup): Promise<{ runs: PeerRun[]; embedders: Embedder[] }> {
  const pool = { workers: s.cores, intraOpThreads: 1 };
  const whole = new Embedder({ ...s.model, windowSeconds: 1e6 }, pool);
  const windowed = new Embedder(s.model, pool);
  const asStored = new Embedder({ ...s.model, windowSeconds: 1e6 }, { ...pool, rewriteGraph: false });
  await Promise.all([whole.ready(), windowed.ready(), asStored.ready()]);
  const threads = `${s.cores} workers x 1`;
  const wholeRun: PeerRun = {
    engine: 'Seimon',
    mode: 'whole utterance',
    threads,
    go: async (ix) => {
      await Promise.all(ix.map((i) => whole.embed(s.audio[i]!, [{ start: 0, end: s.audio[i]!.length / 16000 }])));
    },
    flops: (ix) => ix.reduce((n, i) => n + s.flopsForFrames(SNIP(s.audio[i]!.length)), 0),
  };
  const windowRuns = s.planSets.map(
    (set): PeerRun => ({
      engine: 'Seimon',
      mode: set.label,
      threads,
      go: async (ix) => {
        await Promise.all(ix.map((i) => windowed.embed(s.audio[i]!, [{ start: 0, end: s.audio[i]!.length / 16000 }], { hopSeconds: set.hopSeconds })));
      },
      flops: (ix) => ix.reduce((n, i) => n + set.plans[i]!.windows.reduce((m, w) => m + s.flopsForFrames(SNIP(w.length)), 0), 0),
    }),
  );
  const asStoredRun: PeerRun = {
    ...wholeRun,
    mode: 'whole utterance, graph as stored',
    go: async (ix) => {
      await Promise.all(ix.map((i) => asStored.embed(s.audio[i]!, [{ start: 0, end: s.audio[i]!.length / 16000 }])));
    },
  };
  // The app's timeline pass: a clip's timeline windows when its scoring windows are already embedded
  // (the comparison reuses them and runs only the windows in between). Scoring embeddings are made
  // once here, before any timing.
  const [scoring, timeline] = s.planSets;
  const extra: PeerRun[] = [];
  if (scoring && timeline && scoring.hopSeconds !== timeline.hopSeconds) {
    const key = (w: { start: number; end: number }) => `${w.start}|${w.end}`;
    const known = await Promise.all(
      s.audio.map(async (a) => {
        const r = await windowed.embed(a, [{ start: 0, end: a.length / 16000 }], { hopSeconds: scoring.hopSeconds });
        return new Map(r.windows.map((w) => [key(w), w.embedding]));
      }),
    );
    extra.push({
      engine: 'Seimon',
      mode: `${timeline.label}, after the scoring windows (only those in between run)`,
      threads,
      go: async (ix) => {
        await Promise.all(
          ix.map((i) => windowed.embed(s.audio[i]!, [{ start: 0, end: s.audio[i]!.length / 16000 }], { hopSeconds: timeline.hopSeconds, known: (st, en) => known[i]!.get(`${st}|${en}`) })),
        );
      },
      flops: (ix) => ix.reduce((n, i) => n + timeline.plans[i]!.windows.filter((w) => !known[i]!.has(key(w))).reduce((m, w) => m + s.flopsForFrames(SNIP(w.length)), 0), 0),
    });
  }
  return { runs: [wholeRun, asStoredRun, ...windowRuns, ...extra], embedders: [whole, windowed, asStored] };
}

/** sherpa-onnx-node's runs: one stream per utterance, or one stream per window of each of the same plans. */
export function sherpaRuns(s: PeerSetup, extractor: SherpaExtractor): PeerRun[] {
  const embedOne = (samples: Float32Array): Float32Array => {
    const stream = extractor.createStream();
    stream.acceptWaveform({ sampleRate: 16000, samples });
    stream.inputFinished?.();
    return extractor.compute(stream, false);
  };
  const threads = `1 session x ${s.cores} threads`;
  return [
    {
      engine: 'sherpa-onnx-node',
      mode: 'whole utterance',
      threads,
      go: (ix) => {
        for (const i of ix) embedOne(s.audio[i]!);
        return Promise.resolve();
      },
      flops: (ix) => ix.reduce((n, i) => n + s.flopsForFrames(NO_SNIP(s.audio[i]!.length)), 0),
    },
    ...s.planSets.map(
      (set): PeerRun => ({
        engine: 'sherpa-onnx-node',
        mode: set.label,
        threads,
        go: (ix) => {
          for (const i of ix) {
            const p = set.plans[i]!;
            for (const w of p.windows) embedOne(p.speech.subarray(w.offset, w.offset + w.length));
          }
          return Promise.resolve();
        },
        flops: (ix) => ix.reduce((n, i) => n + set.plans[i]!.windows.reduce((m, w) => m + s.flopsForFrames(NO_SNIP(w.length)), 0), 0),
      }),
    ),
  ];
}

/** Embeds every file whole with sherpa-onnx (for the agreement table). */
export function sherpaEmbeddings(audio: Float32Array[], extractor: SherpaExtractor): Float32Array[] {
  return audio.map((a) => {
    const stream = extractor.createStream();
    stream.acceptWaveform({ sampleRate: 16000, samples: a });
    stream.inputFinished?.();
    return Float32Array.from(extractor.compute(stream, false));
  });
}
