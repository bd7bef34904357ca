import { SeimonError } from '../core/errors.js';
import { FBANK_PRESETS } from '../features/presets.js';
import type { FbankOptions } from '../features/presets.js';
import type { EmbeddingModelRef } from './model-ref.js';
import type { PoolOptions } from './pool.js';
import { InferencePool } from './pool.js';
import { meanOfNormalized } from './vectors.js';
import type { TimeSpan } from './windows.js';
import { DEFAULT_WINDOW_OPTIONS, planWindows } from './windows.js';

export interface WindowEmbedding {
  start: number;
  end: number;
  embedding: Float32Array;
}

export interface ClipEmbedding {
  dim: number;
  /** Mean of the L2-normalised window embeddings, normalised. */
  embedding: Float32Array;
  windows: WindowEmbedding[];
  speechSeconds: number;
}

export interface EmbedOptions {
  signal?: AbortSignal;
  /** Called after each batch with windows done and total (windows the model runs: known ones are not counted). */
  onProgress?: (done: number, total: number) => void;
  /** Hop between windows in seconds (default: the model's); see `windowHopSeconds`. */
  hopSeconds?: number;
  /**
   * Embeddings already computed for some of this plan's windows, by their start and end in the clip
   * (seconds, as a previous plan reported them): those windows are not run again. A clip's timeline
   * windows contain its scoring windows, so the timeline costs only the windows in between.
   */
  known?: (start: number, end: number) => Float32Array | undefined;
}

/** Windows per worker request: small enough to spread a long recording over every worker. */
const CHUNK_WINDOWS = 32;
/** Chunks queued to the workers at once (enough to keep every worker busy). */
const MAX_IN_FLIGHT = 8;

/**
 * Turns 16 kHz mono speech into speaker embeddings with one model: windows over the VAD speech,
 * the model's fbank preset and CMN per window, batched inference in worker threads.
 */
/**
 * Front-end variations for like-for-like comparisons with other tools (the benchmark against
 * sherpa-onnx, whose front-end differs from Kaldi's defaults). The app always uses the model's preset.
 * With `snipEdges: false` use whole-utterance windows only: frames no longer line up with window starts.
 */
export interface FrontEndOverrides {
  fbank?: Partial<FbankOptions>;
  snipEdges?: boolean;
}

export class Embedder {
  readonly model: EmbeddingModelRef;
  private readonly pool: InferencePool;
  private readonly frontEnd: FrontEndOverrides;

  constructor(model: EmbeddingModelRef, poolOptions: Partial<PoolOptions> = {}, frontEnd: FrontEndOverrides = {}) {
    this.model = model;
    this.frontEnd = frontEnd;
    this.pool = new InferencePool({ modelPath: model.path, inputName: model.inputName, outputName: model.outputName, ...poolOptions });
  }

  ready(): Promise<void> {
    return this.pool.ready();
  }

  /** Which graph the workers run (see conv2d-rewrite.ts), once they are ready. */
  get graph(): string | null {
    return this.pool.graph;
  }

  /** Embeds the speech segments of a 16 kHz mono signal; throws AUDIO_NO_SPEECH when there is too little. */
  async embed(samples: Float32Array, segments: readonly TimeSpan[], opts: EmbedOptions = {}): Promise<ClipEmbedding> {
    const preset = { ...FBANK_PRESETS[this.model.preset], ...this.frontEnd.fbank };
    const plan = planWindows(samples, segments, {
      ...DEFAULT_WINDOW_OPTIONS,
      windowSeconds: this.model.windowSeconds,
      hopSeconds: opts.hopSeconds ?? this.model.hopSeconds,
    });
    if (plan.windows.length === 0)
      throw new SeimonError('AUDIO_NO_SPEECH', 'Not enough speech to compute a voiceprint (at least 0.5 s of speech is needed)');
    // Windows go to the workers in chunks with the speech they cover: each worker computes the fbank,
    // CMN and embeddings of its chunk, so the front-end runs on every core, not on the calling thread.
    // At most MAX_IN_FLIGHT chunks are queued at once, so the copies of speech they carry stay few
    // however long the recording is (all of them at once would copy the whole speech again).
    const results: Float32Array[] = new Array(plan.windows.length);
    let dim = 0;
    const todo: number[] = [];
    plan.windows.forEach((w, i) => {
      const e = opts.known?.(w.start, w.end);
      if (e) {
        results[i] = e;
        dim = e.length;
      } else todo.push(i);
    });
    let done = 0;
    const starts: number[] = [];
    for (let c = 0; c < todo.length; c += CHUNK_WINDOWS) starts.push(c);
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < starts.length) {
        const c = starts[next++]!;
        const index = todo.slice(c, c + CHUNK_WINDOWS);
        const chunk = index.map((i) => plan.windows[i]!);
        const from = chunk[0]?.offset ?? 0;
        const to = Math.max(...chunk.map((w) => w.offset + w.length));
        const speech = plan.speech.slice(from, to);
        const windows = chunk.map((w) => ({ offset: w.offset - from, length: w.length }));
        if (opts.signal?.aborted) throw new SeimonError('CANCELLED', 'Cancelled');
        const r = await this.pool.runSpeech(speech, windows, preset, this.frontEnd.snipEdges !== false);
        dim = r.dim;
        index.forEach((i, k) => (results[i] = r.embeddings.slice(k * r.dim, (k + 1) * r.dim)));
        done += chunk.length;
        opts.onProgress?.(done, todo.length);
      }
    };
    await abortable(Promise.all(Array.from({ length: Math.min(MAX_IN_FLIGHT, starts.length) }, lane)), opts.signal);
    const windows = plan.windows.map((w, i) => ({ start: w.start, end: w.end, embedding: results[i] ?? new Float32Array(dim) }));
    return {
      dim,
      embedding: meanOfNormalized(windows.map((w) => w.embedding)),
      windows,
      speechSeconds: plan.speech.length / preset.sampleRate,
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new SeimonError('CANCELLED', 'Cancelled'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
