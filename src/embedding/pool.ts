import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { SeimonError } from '../core/errors.js';
import type { FbankOptions } from '../features/presets.js';
import type { GraphDecision, GraphPlan, WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol.js';
import { resolveWorkerScript } from './worker-url.js';

export interface PoolOptions {
  modelPath: string;
  /** Verified model bytes (see openVerifiedModel); sessions are built from these when given. */
  modelBytes?: Uint8Array;
  inputName: string;
  outputName: string;
  /** Worker threads; default: one per two cores, at least one. */
  workers?: number;
  /** ONNX intra-op threads per worker; default: cores / workers. */
  intraOpThreads?: number;
  /**
   * Run Conv1d layers as Conv2d when the rewrite checks out (default); false runs the graph as stored.
   * The rewrite and its probe run once per pool, in its first worker; the others load the outcome.
   */
  rewriteGraph?: boolean;
  /** Tests only, honoured with SEIMON_TEST_HOOKS=1: the probe's tolerance (negative: the rewrite fails it). */
  probeToleranceForTest?: number;
}

export interface BatchResult {
  embeddings: Float32Array;
  dim: number;
}

interface Job {
  req: WorkerRequest;
  /** How many windows the job covers (for messages). */
  windows: number;
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  plan: GraphPlan;
  /** The graph this worker reported once ready. */
  graph: string | null;
  ready: Promise<void>;
  busy: Job | null;
  /** Settles when the worker has no batch in flight. */
  idle: Promise<void>;
  setIdle: () => void;
}

/** How long close() lets workers finish loading and their current batch before stopping them. */
const CLOSE_GRACE_MS = 10_000;

/**
 * A pool of worker threads, each holding one reused ONNX session. Batches queue and go to the next
 * free worker; a worker that dies fails only its own batch and is replaced.
 */
export class InferencePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private graphNote: string | null = null;
  private readonly init: Omit<WorkerInit, 'graphPlan'>;
  private readonly rewrite: boolean;
  /** The graph every worker loads, settled by the worker that probes the rewrite. */
  private readonly decision: Promise<GraphDecision>;
  private decide: (d: GraphDecision) => void = () => undefined;
  private decided = false;
  private probes = 0;

  constructor(opts: PoolOptions) {
    const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
    const workers = opts.workers ?? Math.max(1, Math.floor(cores / 2));
    const testHooks = process.env.SEIMON_TEST_HOOKS === '1';
    this.init = {
      modelPath: opts.modelPath,
      ...(opts.modelBytes ? { modelBytes: opts.modelBytes } : {}),
      inputName: opts.inputName,
      outputName: opts.outputName,
      intraOpThreads: opts.intraOpThreads ?? Math.max(1, Math.floor(cores / workers)),
      testHooks,
      ...(testHooks && opts.probeToleranceForTest !== undefined ? { probeToleranceForTest: opts.probeToleranceForTest } : {}),
    };
    this.rewrite = opts.rewriteGraph ?? true;
    this.decision = new Promise<GraphDecision>((resolve) => {
      this.decide = (d) => {
        this.decided = true;
        resolve(d);
      };
    });
    // Every thread starts at once (starting a thread and loading the runtime is most of the wait);
    // the first probes the rewrite while the others start, then they load the graph it settled on.
    // Without the rewrite there is nothing to decide: every worker loads the stored graph.
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn(this.planFor(i)));
  }

  private planFor(index: number): GraphPlan {
    if (!this.rewrite) return 'stored';
    return index === 0 ? 'probe' : 'await';
  }

  /** The graph each worker reported (null while loading): one and the same once all are ready. */
  get workerGraphs(): (string | null)[] {
    return this.slots.map((s) => s.graph);
  }

  /** How many workers have run the rewrite's probe (one per pool; a test and benchmark figure). */
  get graphProbes(): number {
    return this.probes;
  }

  get size(): number {
    return this.slots.length;
  }

  /** Which graph the workers run ("as stored", or the Conv2d rewrite), once one is ready. */
  get graph(): string | null {
    return this.graphNote;
  }

  /** Resolves when every worker has loaded the model; rejects with the load error otherwise. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Runs one batch of equal-length feature windows, [batch, frames, bins] row-major. */
  run(feats: Float32Array, batch: number, frames: number, bins: number, opts: { crashForTest?: boolean } = {}): Promise<BatchResult> {
    if (this.closed) return Promise.reject(new SeimonError('MODEL_POOL_CLOSED', 'The inference pool is closed'));
    return this.enqueue({ id: this.nextId++, feats, batch, frames, bins, ...opts }, batch);
  }

  /** Embeds windows of a speech signal in a worker: fbank, CMN and inference all off this thread. */
  runSpeech(
    speech: Float32Array,
    windows: { offset: number; length: number }[],
    fbank: FbankOptions,
    snipEdges = true,
    opts: { crashForTest?: boolean } = {},
  ): Promise<BatchResult> {
    return this.enqueue({ id: this.nextId++, kind: 'speech', speech, windows, fbank, snipEdges, ...opts }, windows.length);
  }

  private enqueue(req: WorkerRequest, windows: number): Promise<BatchResult> {
    if (this.closed) return Promise.reject(new SeimonError('MODEL_POOL_CLOSED', 'The inference pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ req, windows, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Stops every worker; queued batches fail. Stopping a thread while ONNX Runtime is building its
   * session or running a batch aborts the whole process (a native error thrown into a dying thread),
   * so each worker first finishes loading and its current batch (at most CLOSE_GRACE_MS). Safe to call twice.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new SeimonError('MODEL_POOL_CLOSED', 'The inference pool was closed'));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)));
    const settled = Promise.all(this.slots.map((s) => s.ready.then(() => s.idle, () => undefined)));
    await Promise.race([settled, grace]);
    clearTimeout(timer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(plan: GraphPlan): Slot {
    const script = resolveWorkerScript();
    // A worker that awaits the decision gets its model bytes with it, not twice.
    const { modelBytes, ...rest } = this.init;
    const workerData: WorkerInit = { ...rest, ...(modelBytes && plan !== 'await' ? { modelBytes } : {}), graphPlan: plan };
    const worker = new Worker(script.source, { workerData, eval: script.eval });
    const slot: Slot = { worker, plan, graph: null, busy: null, ready: Promise.resolve(), idle: Promise.resolve(), setIdle: () => undefined };
    slot.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: WorkerReply) => {
        if (m.type === 'ready') {
          this.graphNote = m.graph;
          slot.graph = m.graph;
          if (m.probed) {
            this.probes++;
            this.decide(this.decisionFor(m.graph, m.rewritten));
          }
          resolve();
          this.dispatch();
        } else if (m.type === 'init-error') {
          // The stored model itself failed to load; the waiting workers try it and report their own error.
          if (plan === 'probe') this.decide(this.decisionFor(`as stored (the probing worker could not load the model: ${m.message})`));
          reject(new SeimonError('MODEL_LOAD_FAILED', `The model could not be loaded: ${m.message}`));
        } else this.finish(slot, m);
      });
      worker.on('error', (e) => reject(new SeimonError('MODEL_LOAD_FAILED', e.message)));
      worker.on('exit', (code) => this.onExit(slot, code, reject));
    });
    slot.ready.catch(() => undefined); // surfaced through ready() / the failed batch
    if (plan === 'await') void this.decision.then((d) => worker.postMessage(d));
    return slot;
  }

  /** The decision awaiting workers get: the checked rewrite's bytes, else the stored graph's. */
  private decisionFor(graph: string, rewritten?: Uint8Array): GraphDecision {
    const model = rewritten ?? this.init.modelBytes;
    return { type: 'graph', graph, ...(model ? { model } : {}) };
  }

  private onExit(slot: Slot, code: number, rejectReady: (e: Error) => void): void {
    rejectReady(new SeimonError('MODEL_WORKER_CRASHED', `Inference worker exited (code ${code}) before it was ready`));
    slot.setIdle();
    // A probing worker that died before deciding: the rewrite is not trusted, every worker (its
    // replacement too) loads the stored graph; once closed, that lets waiting workers settle.
    if (slot.plan === 'probe' && !this.decided)
      this.decide(this.decisionFor(this.closed ? 'as stored (the pool closed before the rewrite was checked)' : `as stored (the probing worker stopped, exit code ${code})`));
    if (this.closed) return;
    const job = slot.busy;
    slot.busy = null;
    job?.reject(new SeimonError('MODEL_WORKER_CRASHED', `The inference worker stopped (exit code ${code}) while processing ${job.windows} windows`));
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn(slot.plan === 'stored' ? 'stored' : 'await');
  }

  private finish(slot: Slot, m: Extract<WorkerReply, { id: number }>): void {
    const job = slot.busy;
    slot.busy = null;
    slot.setIdle();
    if (job && job.req.id === m.id) {
      if (m.type === 'result') {
        if (!m.embeddings.every(Number.isFinite)) job.reject(new SeimonError('MODEL_NAN_OUTPUT', 'The model produced NaN or infinite values'));
        else job.resolve({ embeddings: m.embeddings, dim: m.dim });
      } else job.reject(new SeimonError('MODEL_RUN_FAILED', m.message));
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      void slot.ready.then(
        () => {
          if (slot.busy || this.closed) return;
          const job = this.queue.shift();
          if (!job) return;
          slot.busy = job;
          slot.idle = new Promise<void>((resolve) => (slot.setIdle = resolve));
          const buffer = job.req.kind === 'speech' ? job.req.speech.buffer : job.req.feats.buffer;
          slot.worker.postMessage(job.req, [buffer as ArrayBuffer]);
        },
        () => {
          const job = this.queue.shift();
          job?.reject(new SeimonError('MODEL_LOAD_FAILED', 'The model could not be loaded'));
        },
      );
    }
  }
}
