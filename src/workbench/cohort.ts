// The shipped AS-norm cohort: embeddings shipped with a bundled model (training speakers), found by the
// model's SHA-256 in a bundled manifest, never by its id alone. It only fills in for the enrolled
// performers (see src/scoring/cohort-rule.ts).
import fs from 'node:fs';
import path from 'node:path';
import { defaultBundledDir } from '../models/bundled.js';
import type { ModelSummary } from '../models/manifest.js';
import { l2Normalize } from '../embedding/vectors.js';

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
