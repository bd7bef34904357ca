import type { InferenceSession } from 'onnxruntime-node';
import { SeimonError } from '../core/errors.js';
import type { Dim } from './manifest.js';
import { FEATURE_DIM } from './manifest.js';

/** A dimension the model leaves open: symbolic name, or -1 / unknown. */
export const isDynamic = (d: Dim): boolean => typeof d === 'string' || d < 0;

export function badShape(reason: string): SeimonError {
  return new SeimonError('MODEL_BAD_SHAPE', `Not a usable speaker model: ${reason}.`, { reason });
}

const describe = (shape: readonly Dim[]) => `[${shape.join(', ')}]`;

/** The one input must be float [batch, frames, 80] with batch and frames left dynamic. */
export function checkInput(meta: readonly InferenceSession.ValueMetadata[]): {
  name: string;
  shape: Dim[];
} {
  if (meta.length !== 1)
    throw badShape(
      `it has ${meta.length} inputs; a speaker model takes exactly one (fbank features)`,
    );
  const m = meta[0]!;
  if (!m.isTensor || m.type !== 'float32')
    throw badShape(`input "${m.name}" is not a float32 tensor`);
  const shape = [...m.shape];
  if (shape.length === 0) return { name: m.name, shape }; // undeclared: the trial run decides
  if (shape.length !== 3)
    throw badShape(
      `input "${m.name}" is ${describe(shape)}; expected [batch, frames, ${FEATURE_DIM}]`,
    );
  const [batch, frames, bins] = shape as [Dim, Dim, Dim];
  if (bins !== FEATURE_DIM)
    throw badShape(
      `input "${m.name}" takes ${bins} features per frame; expected ${FEATURE_DIM} mel bins`,
    );
  if (!isDynamic(batch) || !isDynamic(frames)) {
    throw badShape(`input "${m.name}" is ${describe(shape)}; batch and frame axes must be dynamic`);
  }
  return { name: m.name, shape };
}

/** The first output must be float [batch, dim] (when the graph declares its shape). */
export function checkOutput(meta: readonly InferenceSession.ValueMetadata[]): {
  name: string;
  shape: Dim[];
} {
  const m = meta[0];
  if (!m) throw badShape('it has no outputs');
  if (!m.isTensor || m.type !== 'float32')
    throw badShape(`output "${m.name}" is not a float32 tensor`);
  const shape = [...m.shape];
  if (shape.length !== 0 && shape.length !== 2) {
    throw badShape(
      `output "${m.name}" is ${describe(shape)}; expected [batch, embedding dimension]`,
    );
  }
  return { name: m.name, shape };
}

/** Checks a trial run's output: [batch, dim], float, every value finite. Returns dim. */
export function checkTrialOutput(
  name: string,
  type: string,
  dims: readonly number[],
  data: unknown,
  batch: number,
): number {
  if (type !== 'float32' || !(data instanceof Float32Array))
    throw badShape(`output "${name}" returned ${type}, not float32`);
  if (dims.length !== 2 || dims[0] !== batch || !(dims[1]! > 0)) {
    throw badShape(
      `for a [${batch}, frames, ${FEATURE_DIM}] input, output "${name}" was ${describe(dims)}; expected [${batch}, dim]`,
    );
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      throw new SeimonError(
        'MODEL_NAN_OUTPUT',
        `The model produced ${Number.isNaN(data[i]!) ? 'NaN' : 'infinite'} values on a test input; it cannot give usable embeddings.`,
      );
    }
  }
  return dims[1]!;
}
