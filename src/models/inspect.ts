import * as ort from 'onnxruntime-node';
import { SeimonError } from '../core/errors.js';
import type { Dim, Preset } from './manifest.js';
import { DEFAULT_SAMPLE_RATE, DEFAULT_WINDOW_SECONDS, FEATURE_DIM } from './manifest.js';
import type { OnnxHeader } from './onnx-header.js';
import { readOnnxHeader } from './onnx-header.js';
import { choosePreset } from './preset.js';
import { ProtobufError } from './protobuf.js';
import { badShape, checkInput, checkOutput, checkTrialOutput } from './shape-check.js';

/** What inspecting a model file found: enough to fill a manifest. */
export interface ModelInspection {
  preset: Preset;
  inputName: string;
  outputName: string;
  inputShape: Dim[];
  outputShape: Dim[];
  embeddingDim: number;
  sampleRate: number;
  windowSeconds: number;
  language: string | null;
  metadata: Record<string, string>;
  irVersion: number | null;
  opsets: OnnxHeader['opsets'];
  producerName: string | null;
}

const TRIAL_BATCH = 2;
const TRIAL_FRAMES = 200;

/**
 * Loads a candidate model with onnxruntime-node, checks its tensors, runs it on a small random batch
 * and reads its sherpa-onnx metadata. Throws a MODEL_* SeimonError saying why a file is refused.
 */
export async function inspectModelFile(
  file: string,
  opts: { preset?: string } = {},
): Promise<ModelInspection> {
  const header = readHeaderOrRefuse(file);
  const sampleRate = readSampleRate(header.metadata);
  const session = await loadSession(file);
  try {
    const input = checkInput(session.inputMetadata);
    const output = checkOutput(session.outputMetadata);
    const embeddingDim = await trialRun(session, input.name, output.name);
    checkDeclaredDim(header.metadata, output.shape, embeddingDim);
    // Asked last, so a user is never made to choose a preset for a file that is refused anyway.
    const preset = choosePreset(header.metadata, opts.preset);
    return {
      preset,
      inputName: input.name,
      outputName: output.name,
      inputShape: input.shape,
      outputShape: output.shape,
      embeddingDim,
      sampleRate,
      windowSeconds: readWindowSeconds(header.metadata),
      language: header.metadata.language?.trim() || null,
      metadata: header.metadata,
      irVersion: header.irVersion,
      opsets: header.opsets,
      producerName: header.producerName,
    };
  } finally {
    await session.release();
  }
}

function readHeaderOrRefuse(file: string): OnnxHeader {
  try {
    return readOnnxHeader(file);
  } catch (e) {
    if (e instanceof ProtobufError) {
      throw new SeimonError('MODEL_NOT_ONNX', `${file} is not an ONNX model (${e.message}).`);
    }
    throw e;
  }
}

async function loadSession(file: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  } catch (e) {
    throw new SeimonError(
      'MODEL_LOAD_FAILED',
      `onnxruntime could not load ${file}: ${(e as Error).message}`,
    );
  }
}

/** Runs a seeded pseudo-random [2, 200, 80] batch through the model; returns the embedding size. */
async function trialRun(
  session: ort.InferenceSession,
  inputName: string,
  outputName: string,
): Promise<number> {
  const data = new Float32Array(TRIAL_BATCH * TRIAL_FRAMES * FEATURE_DIM);
  let seed = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    data[i] = (seed / 0x100000000 - 0.5) * 4;
  }
  let result: ort.InferenceSession.ReturnType;
  try {
    result = await session.run({
      [inputName]: new ort.Tensor('float32', data, [TRIAL_BATCH, TRIAL_FRAMES, FEATURE_DIM]),
    });
  } catch (e) {
    throw new SeimonError(
      'MODEL_RUN_FAILED',
      `The model failed on a [${TRIAL_BATCH}, ${TRIAL_FRAMES}, ${FEATURE_DIM}] test input: ${(e as Error).message}`,
    );
  }
  const out = result[outputName];
  if (!out) throw badShape(`output "${outputName}" was not produced`);
  const tensor = out as ort.Tensor;
  try {
    return checkTrialOutput(outputName, tensor.type, tensor.dims, tensor.data, TRIAL_BATCH);
  } finally {
    for (const v of Object.values(result)) (v as ort.Tensor).dispose();
  }
}

function checkDeclaredDim(metadata: Record<string, string>, shape: Dim[], dim: number): void {
  const declared = shape[1];
  if (typeof declared === 'number' && declared > 0 && declared !== dim) {
    throw badShape(`the graph declares ${declared} output values but returned ${dim}`);
  }
  const meta = metadata.output_dim;
  if (meta !== undefined && meta.trim() !== '' && Number(meta) !== dim) {
    throw badShape(`metadata output_dim is ${meta} but the model returned ${dim} values`);
  }
}

function readSampleRate(metadata: Record<string, string>): number {
  const raw = metadata.sample_rate;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SAMPLE_RATE;
  const rate = Number(raw);
  if (rate !== DEFAULT_SAMPLE_RATE) {
    throw new SeimonError(
      'MODEL_UNSUPPORTED_SAMPLE_RATE',
      `The model expects ${raw} Hz audio; Seimon's front-end produces ${DEFAULT_SAMPLE_RATE} Hz.`,
    );
  }
  return rate;
}

/** The model's recommended window (seimon_window_seconds), within sane bounds, else the default. */
function readWindowSeconds(metadata: Record<string, string>): number {
  const w = Number(metadata.seimon_window_seconds);
  return Number.isFinite(w) && w >= 0.5 && w <= 30 ? w : DEFAULT_WINDOW_SECONDS;
}
