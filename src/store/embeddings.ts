import { windowHopSeconds } from '../domain/window-plan.js';
import type { EmbeddingPurpose } from '../domain/window-plan.js';
import type { Db } from './database.js';

/** A stored clip embedding with its per-window vectors (for timelines). */
export interface StoredEmbedding {
  fileSha256: string;
  modelSha256: string;
  modelId: string;
  /** Hop between the analysis windows (seconds): the scoring and the timeline plans differ (`windowHopSeconds`). */
  hopSeconds: number;
  dim: number;
  vector: Float32Array;
  windows: { start: number; end: number; embedding: Float32Array }[];
  speechSeconds: number;
  createdAt: string;
}

interface Row {
  file_sha256: string;
  model_sha256: string;
  model_id: string;
  hop_seconds: number;
  dim: number;
  vector: Buffer;
  windows: string;
  speech_seconds: number;
  created_at: string;
}

const toBlob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const fromBlob = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/**
 * A float32 as the shortest-enough number for JSON: nine significant digits always read back as the
 * same float32 (they are far closer to it than to the midpoint with a neighbour), where a float32
 * written as a double takes 17. The windows of a 3-hour reference (about 6,000 x 192 values) then
 * take 14 MB of text instead of 23, which is most of what enrolment holds at its peak while it saves.
 */
export function float32Text(x: number): number {
  return Number(x.toPrecision(9));
}

/** Looks up the cached embedding of a file under a model with windows at this hop, if any. */
export function findEmbedding(db: Db, fileSha256: string, modelSha256: string, hopSeconds: number): StoredEmbedding | undefined {
  const r = db
    .prepare('SELECT * FROM embeddings WHERE file_sha256 = ? AND model_sha256 = ? AND hop_seconds = ?')
    .get(fileSha256, modelSha256, hopSeconds) as Row | undefined;
  if (!r) return undefined;
  const windows = (JSON.parse(r.windows) as { start: number; end: number; e: number[] }[]).map((w) => ({
    start: w.start,
    end: w.end,
    embedding: Float32Array.from(w.e),
  }));
  return {
    fileSha256: r.file_sha256,
    modelSha256: r.model_sha256,
    modelId: r.model_id,
    hopSeconds: r.hop_seconds,
    dim: r.dim,
    vector: fromBlob(r.vector),
    windows,
    speechSeconds: r.speech_seconds,
    createdAt: r.created_at,
  };
}

/** The cached embedding of a file for a purpose (the scoring or the timeline window plan) under a model, if any. */
export function findEmbeddingFor(
  db: Db,
  fileSha256: string,
  model: { sha256: string; windowSeconds: number; hopSeconds: number },
  purpose: EmbeddingPurpose,
): StoredEmbedding | undefined {
  return findEmbedding(db, fileSha256, model.sha256, windowHopSeconds(purpose, model));
}

/** Stores (or replaces) the embedding of a file under a model at a hop. */
export function saveEmbedding(db: Db, e: Omit<StoredEmbedding, 'createdAt'>, now = new Date()): void {
  const windows = JSON.stringify(e.windows.map((w) => ({ start: w.start, end: w.end, e: Array.from(w.embedding, float32Text) })));
  db.prepare(
    `INSERT OR REPLACE INTO embeddings (file_sha256, model_sha256, hop_seconds, model_id, dim, vector, windows, speech_seconds, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.fileSha256, e.modelSha256, e.hopSeconds, e.modelId, e.dim, toBlob(e.vector), windows, e.speechSeconds, now.toISOString());
}
