// One ONNX Runtime session per worker thread, reused for every batch it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import type { BatchRequest, GraphDecision, SpeechRequest, WorkerInit, WorkerReply, WorkerRequest } from './worker-protocol.js';
import { loadDecided, loadSession } from './session-load.js';
import { windowBatches } from './window-features.js';

const init = workerData as WorkerInit;
const port = parentPort;

async function main(): Promise<void> {
  if (!port) return;
  let session: ort.InferenceSession;
  let loaded: Extract<WorkerReply, { type: 'ready' }>;
  try {
    const source = {
      modelPath: init.modelPath,
      ...(init.modelBytes ? { modelBytes: init.modelBytes } : {}),
      threads: init.intraOpThreads,
      inputName: init.inputName,
      outputName: init.outputName,
    };
    if (init.graphPlan === 'await') {
      // The pool's first worker checks the rewrite once; this one builds the graph it settled on.
      const decision = await new Promise<GraphDecision>((resolve) => port.once('message', resolve));
      session = await loadDecided({ ...source, ...(decision.model ? { modelBytes: decision.model } : {}) });
      loaded = { type: 'ready', graph: decision.graph, probed: false };
    } else {
      const tolerance = init.testHooks ? init.probeToleranceForTest : undefined;
      const r = await loadSession({ ...source, rewrite: init.graphPlan === 'probe', ...(tolerance !== undefined ? { probeToleranceForTest: tolerance } : {}) });
      session = r.session;
      loaded = { type: 'ready', graph: r.graph, probed: init.graphPlan === 'probe', ...(r.rewritten ? { rewritten: r.rewritten } : {}) };
    }
  } catch (e) {
    port.postMessage({ type: 'init-error', message: (e as Error).message } satisfies WorkerReply);
    return;
  }
  port.on('message', (req: WorkerRequest) => {
    if (init.testHooks && req.crashForTest) process.exit(3);
    void (req.kind === 'speech' ? runSpeech(session, req) : run(session, req)).then((reply) => port.postMessage(reply, reply.type === 'result' ? [reply.embeddings.buffer as ArrayBuffer] : []));
  });
  port.postMessage(loaded satisfies WorkerReply);
}

/** Front-end and inference for a stretch of speech: all windows' embeddings, in window order. */
async function runSpeech(session: ort.InferenceSession, req: SpeechRequest): Promise<WorkerReply> {
  try {
    const t0 = performance.now();
    let dim = 0;
    let out = new Float32Array(0);
    for (const b of windowBatches(req.speech, req.windows, req.fbank, req.snipEdges)) {
      const r = await run(session, { id: req.id, feats: b.feats, batch: b.indices.length, frames: b.frames, bins: b.bins });
      if (r.type !== 'result') return r;
      if (dim === 0) {
        dim = r.dim;
        out = new Float32Array(req.windows.length * dim);
      }
      b.indices.forEach((wi, k) => out.set(r.embeddings.subarray(k * dim, (k + 1) * dim), wi * dim));
    }
    return { id: req.id, type: 'result', embeddings: out, dim, ms: performance.now() - t0 };
  } catch (e) {
    return { id: req.id, type: 'error', message: (e as Error).message };
  }
}

async function run(session: ort.InferenceSession, req: BatchRequest): Promise<WorkerReply> {
  try {
    const t0 = performance.now();
    const input = new ort.Tensor('float32', req.feats, [req.batch, req.frames, req.bins]);
    const out = await session.run({ [init.inputName]: input }, [init.outputName]);
    const tensor = out[init.outputName];
    if (!tensor) throw new Error(`The model returned no output named ${init.outputName}`);
    const dims = tensor.dims;
    const dim = Number(dims[dims.length - 1]);
    if (dims.length !== 2 || Number(dims[0]) !== req.batch) throw new Error(`Unexpected output shape [${dims.join(', ')}]`);
    const embeddings = new Float32Array(tensor.data as Float32Array);
    return { id: req.id, type: 'result', embeddings, dim, ms: performance.now() - t0 };
  } catch (e) {
    return { id: req.id, type: 'error', message: (e as Error).message };
  }
}

void main();
