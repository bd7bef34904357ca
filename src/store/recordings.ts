import type { Recording, RecordingQuality } from '../domain/index.js';
import { newId } from '../core/ids.js';
import { SeimonError } from '../core/errors.js';
import type { Db } from './database.js';

/** Where a file came from: kept with its hash for the chain of custody. */
export type Provenance = Record<string, string | number | boolean | null>;

export interface NewRecording {
  sha256: string;
  sizeBytes: number;
  originalName: string;
  role: Recording['role'];
  ownerId: string;
  sampleRate: number;
  channels: number;
  container: string;
  codec: string;
  quality: RecordingQuality;
  weakReasons: string[] | null;
  provenance: Provenance;
}

interface Row {
  id: string;
  sha256: string;
  size_bytes: number;
  original_name: string;
  role: Recording['role'];
  performer_id: string | null;
  suspect_id: string | null;
  sample_rate: number;
  channels: number;
  container: string;
  codec: string;
  quality: string;
  weak_reasons: string | null;
  added_at: string;
}

const toRecording = (r: Row): Recording => ({
  id: r.id,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  originalName: r.original_name,
  role: r.role,
  ownerId: r.performer_id ?? r.suspect_id ?? '',
  sampleRate: r.sample_rate,
  channels: r.channels,
  container: r.container,
  codec: r.codec,
  quality: JSON.parse(r.quality) as RecordingQuality,
  weakReasons: r.weak_reasons ? (JSON.parse(r.weak_reasons) as string[]) : null,
  addedAt: r.added_at,
});

const ownerColumn = (role: Recording['role']) => (role === 'reference' ? 'performer_id' : 'suspect_id');

/** Stores a recording row; the file is already in the content store. */
export function insertRecording(db: Db, r: NewRecording, now = new Date()): Recording {
  const id = newId('rec');
  db.prepare(
    `INSERT INTO recordings (id, sha256, size_bytes, original_name, role, performer_id, suspect_id, sample_rate,
       channels, container, codec, quality, weak_reasons, provenance, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    r.sha256,
    r.sizeBytes,
    r.originalName,
    r.role,
    r.role === 'reference' ? r.ownerId : null,
    r.role === 'suspect' ? r.ownerId : null,
    r.sampleRate,
    r.channels,
    r.container,
    r.codec,
    JSON.stringify(r.quality),
    r.weakReasons ? JSON.stringify(r.weakReasons) : null,
    JSON.stringify(r.provenance),
    now.toISOString(),
  );
  return getRecording(db, id);
}

/** A recording by id (NOT_FOUND otherwise). */
export function getRecording(db: Db, id: string): Recording {
  const row = db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new SeimonError('NOT_FOUND', `No recording with id ${id}`);
  return toRecording(row);
}

/** The recording of these bytes already held by this owner, if any. */
export function findOwnedRecording(db: Db, role: Recording['role'], ownerId: string, sha256: string): Recording | undefined {
  const row = db.prepare(`SELECT * FROM recordings WHERE ${ownerColumn(role)} = ? AND sha256 = ?`).get(ownerId, sha256) as Row | undefined;
  return row ? toRecording(row) : undefined;
}

/** A performer's references or a suspect's clips, oldest first. */
export function listRecordings(db: Db, role: Recording['role'], ownerId: string): Recording[] {
  const rows = db.prepare(`SELECT * FROM recordings WHERE ${ownerColumn(role)} = ? ORDER BY added_at, id`).all(ownerId) as Row[];
  return rows.map(toRecording);
}

/** Deletes a recording row (the file stays until no row names its hash). */
export function deleteRecording(db: Db, id: string): void {
  const info = db.prepare('DELETE FROM recordings WHERE id = ?').run(id);
  if (info.changes === 0) throw new SeimonError('NOT_FOUND', `No recording with id ${id}`);
}

/** Whether any recording row still names these bytes. */
export function shaInUse(db: Db, sha256: string): boolean {
  if (db.prepare('SELECT 1 FROM recordings WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined) return true;
  // Page captures keep their artefacts in the same content store.
  return db.prepare('SELECT 1 FROM capture_artefacts WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}

/** Every hash the content store must keep: recordings and page-capture artefacts (for sweeps and consistency checks). */
export function allRecordingHashes(db: Db): string[] {
  return (db.prepare('SELECT sha256 FROM recordings UNION SELECT sha256 FROM capture_artefacts').all() as { sha256: string }[]).map((r) => r.sha256);
}
