import { createHash } from 'node:crypto';
import type { VoiceprintStatus } from '../domain/index.js';
import type { Db } from './database.js';

/** A performer's voiceprint under one model, with the vector. */
export interface StoredVoiceprint extends Omit<VoiceprintStatus, 'stale'> {
  performerId: string;
  vector: Float32Array;
  /** Digest of the reference hashes it was built from: a different set makes it stale. */
  referencesKey: string;
}

interface Row {
  performer_id: string;
  model_sha256: string;
  model_id: string;
  dim: number;
  vector: Buffer;
  reference_count: number;
  window_count: number;
  speech_seconds: number;
  references_key: string;
  built_at: string;
}

const toVoiceprint = (r: Row): StoredVoiceprint => ({
  performerId: r.performer_id,
  modelId: r.model_id,
  modelSha256: r.model_sha256,
  references: r.reference_count,
  windows: r.window_count,
  speechSeconds: r.speech_seconds,
  builtAt: r.built_at,
  vector: new Float32Array(r.vector.buffer.slice(r.vector.byteOffset, r.vector.byteOffset + r.vector.byteLength)),
  referencesKey: r.references_key,
});

/** Digest of a performer's current reference hashes (order does not matter). */
export function referencesKeyOf(db: Db, performerId: string): string {
  const shas = (db.prepare('SELECT sha256 FROM recordings WHERE performer_id = ? ORDER BY sha256').all(performerId) as { sha256: string }[]).map((r) => r.sha256);
  return createHash('sha256').update(shas.join('\n')).digest('hex');
}

/** The voiceprint of a performer under a model, if one was built. */
export function findVoiceprint(db: Db, performerId: string, modelSha256: string): StoredVoiceprint | undefined {
  const r = db.prepare('SELECT * FROM voiceprints WHERE performer_id = ? AND model_sha256 = ?').get(performerId, modelSha256) as Row | undefined;
  return r ? toVoiceprint(r) : undefined;
}

/** Every voiceprint of a performer, with whether it is stale. */
export function voiceprintStatuses(db: Db, performerId: string): VoiceprintStatus[] {
  const key = referencesKeyOf(db, performerId);
  const rows = db.prepare('SELECT * FROM voiceprints WHERE performer_id = ? ORDER BY built_at DESC').all(performerId) as Row[];
  return rows.map(toVoiceprint).map((v) => statusOf(v, key));
}

/** The public view of a voiceprint given the performer's current references key. */
export function statusOf(v: StoredVoiceprint, currentKey: string): VoiceprintStatus {
  return {
    modelId: v.modelId,
    modelSha256: v.modelSha256,
    references: v.references,
    windows: v.windows,
    speechSeconds: v.speechSeconds,
    builtAt: v.builtAt,
    stale: v.referencesKey !== currentKey,
  };
}

/** Stores (or replaces) a voiceprint. */
export function saveVoiceprint(db: Db, v: Omit<StoredVoiceprint, 'builtAt'>, now = new Date()): StoredVoiceprint {
  db.prepare(
    `INSERT OR REPLACE INTO voiceprints (performer_id, model_sha256, model_id, dim, vector, reference_count, window_count, speech_seconds, references_key, built_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    v.performerId,
    v.modelSha256,
    v.modelId,
    v.vector.length,
    Buffer.from(v.vector.buffer, v.vector.byteOffset, v.vector.byteLength),
    v.references,
    v.windows,
    v.speechSeconds,
    v.referencesKey,
    now.toISOString(),
  );
  return { ...v, builtAt: now.toISOString() };
}

/** Every voiceprint built under a model (the enrolled side of a cohort). */
export function listModelVoiceprints(db: Db, modelSha256: string): StoredVoiceprint[] {
  const rows = db.prepare('SELECT * FROM voiceprints WHERE model_sha256 = ? ORDER BY performer_id').all(modelSha256) as Row[];
  return rows.map(toVoiceprint);
}
