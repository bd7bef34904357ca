// One ONNX Runtime session per worker thread, reused for every batch it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import type { BatchRequest, WorkerInit, WorkerReply } from './worker-protocol.js';

const init = workerData as WorkerInit;
const port = parentPort;

async function main(): Promise<void> {
  if (!port) return;
  let session: ort.InferenceSession;
  try {
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: init.intraOpThreads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      executionMode: 'sequential',
    };
    session = init.modelBytes
      ? await ort.InferenceSession.create(init.modelBytes, sessionOptions)
      : await ort.InferenceSession.create(init.modelPath, sessionOptions);
  } catch (e) {
    port.postMessage({ type: 'init-error', message: (e as Error).message } satisfies WorkerReply);
    return;
  }
  port.on('message', (req: BatchRequest) => {
    if (init.testHooks && req.crashForTest) process.exit(3);
    void run(session, req).then((reply) => port.postMessage(reply, reply.type === 'result' ? [reply.embeddings.buffer as ArrayBuffer] : []));
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
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
