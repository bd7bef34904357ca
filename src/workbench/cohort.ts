// The AS-norm cohort: embeddings shipped with a bundled model (training speakers) plus the enrolled
// performers. Found by the model's SHA-256 in a bundled manifest, never by its id alone.
import fs from 'node:fs';
import path from 'node:path';
import { defaultBundledDir } from '../models/bundled.js';
import type { ModelSummary } from '../models/manifest.js';
import { packEmbeddings } from '../scoring/matrix.js';
import type { EmbeddingMatrix } from '../scoring/matrix.js';
import { l2Normalize } from '../embedding/vectors.js';

/** Fewer rows than this give AS-norm statistics too noisy to report. */
export const MIN_COHORT_ROWS = 20;

export interface Cohort {
  matrix: EmbeddingMatrix;
  /** Row of each enrolled performer in the matrix (excluded from their own stats). */
  rowOf: Map<string, number>;
  /** How many rows came from the bundled model's cohort file. */
  bundledRows: number;
}

const cache = new Map<string, Float32Array[]>();

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function folders(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const subs = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  return [dir, ...subs];
}

/** The cohort vectors shipped with the bundled model of these bytes, or [] when there are none. */
export function bundledCohort(model: Pick<ModelSummary, 'sha256' | 'embeddingDim'>, dir = defaultBundledDir()): Float32Array[] {
  const key = `${dir}\n${model.sha256}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let out: Float32Array[] = [];
  for (const folder of folders(dir)) {
    const m = readJson(path.join(folder, 'manifest.json')) as { sha256?: unknown; cohort?: unknown } | undefined;
    if (!m || m.sha256 !== model.sha256 || typeof m.cohort !== 'string') continue;
    const c = readJson(path.join(folder, path.basename(m.cohort))) as { speakers?: { embedding?: unknown }[] } | undefined;
    out = (c?.speakers ?? [])
      .map((s) => s.embedding)
      .filter((e): e is number[] => Array.isArray(e) && e.length === model.embeddingDim && e.every((x) => typeof x === 'number'))
      .map((e) => l2Normalize(Float32Array.from(e)));
    break;
  }
  cache.set(key, out);
  return out;
}

/** The cohort for a model and the enrolled voiceprints, or undefined when it would be too small. */
export function buildCohort(model: Pick<ModelSummary, 'sha256' | 'embeddingDim'>, voiceprints: readonly { performerId: string; vector: Float32Array }[]): Cohort | undefined {
  const bundled = bundledCohort(model);
  const dim = voiceprints[0]?.vector.length ?? model.embeddingDim;
  const usable = bundled.filter((v) => v.length === dim);
  const rows = [...usable, ...voiceprints.map((v) => v.vector)];
  if (rows.length < MIN_COHORT_ROWS) return undefined;
  const rowOf = new Map(voiceprints.map((v, i) => [v.performerId, usable.length + i]));
  return { matrix: packEmbeddings(rows, dim), rowOf, bundledRows: usable.length };
}
