// Page captures and their artefacts and media. The record column holds what the browser reported
// (redirects, headers, certificate, metadata) as JSON; artefacts and media have rows of their own.
import type { Capture, CaptureArtefact, CaptureMedia, CaptureTimestamp } from '../domain/capture.js';
import { SeimonError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import type { Db } from './database.js';

/** What is stored in the record column: the capture less its own id, artefacts, media and timestamp. */
export type CaptureRecord = Omit<Capture, 'id' | 'artefacts' | 'media' | 'timestamp' | 'manifestSha256'>;

interface CaptureRow {
  id: string;
  record: string;
  manifest_sha256: string;
  timestamp: string;
}

interface MediaRow {
  id: string;
  capture_id: string;
  url: string;
  origin: CaptureMedia['origin'];
  declared_type: string | null;
  state: CaptureMedia['state'];
  reason: string | null;
  http_status: number | null;
  response_headers: string | null;
  sha256: string | null;
  size_bytes: number | null;
  recording_id: string | null;
  fetched_at: string | null;
}

function toMedia(r: MediaRow): CaptureMedia {
  return {
    id: r.id,
    captureId: r.capture_id,
    url: r.url,
    origin: r.origin,
    declaredType: r.declared_type,
    state: r.state,
    reason: r.reason,
    httpStatus: r.http_status,
    responseHeaders: r.response_headers ? (JSON.parse(r.response_headers) as Record<string, string>) : null,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    recordingId: r.recording_id,
    fetchedAt: r.fetched_at,
  };
}

function toCapture(db: Db, r: CaptureRow): Capture {
  const record = JSON.parse(r.record) as CaptureRecord;
  const artefacts = db
    .prepare('SELECT kind, sha256, size_bytes AS sizeBytes, media_type AS mediaType FROM capture_artefacts WHERE capture_id = ? ORDER BY kind')
    .all(r.id) as CaptureArtefact[];
  const media = (db.prepare('SELECT * FROM capture_media WHERE capture_id = ? ORDER BY rowid').all(r.id) as MediaRow[]).map(toMedia);
  return { id: r.id, ...record, artefacts, media, manifestSha256: r.manifest_sha256, timestamp: JSON.parse(r.timestamp) as CaptureTimestamp };
}

/** A new capture id (the manifest names it before the row exists). */
export const newCaptureId = (): string => newId('cap');

/** Stores a capture with its artefacts and offered media; call inside a transaction. */
export function insertCapture(
  db: Db,
  id: string,
  record: CaptureRecord,
  artefacts: CaptureArtefact[],
  media: { url: string; origin: CaptureMedia['origin']; declaredType: string | null; state: CaptureMedia['state']; reason: string | null }[],
  manifestSha256: string,
  timestamp: CaptureTimestamp,
): Capture {
  db.prepare(
    `INSERT INTO captures (id, suspect_id, requested_url, final_url, http_status, title, captured_at, captured_by, manifest_sha256, record, timestamp)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, record.suspectId, record.requestedUrl, record.finalUrl, record.httpStatus, record.title, record.capturedAt, record.capturedBy, manifestSha256, JSON.stringify(record), JSON.stringify(timestamp));
  const art = db.prepare('INSERT INTO capture_artefacts (capture_id, kind, sha256, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)');
  for (const a of artefacts) art.run(id, a.kind, a.sha256, a.sizeBytes, a.mediaType);
  const med = db.prepare('INSERT INTO capture_media (id, capture_id, url, origin, declared_type, state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const m of media) med.run(newId('media'), id, m.url, m.origin, m.declaredType, m.state, m.reason);
  return getCapture(db, id);
}

/** A capture with its artefacts and media (NOT_FOUND otherwise). */
export function getCapture(db: Db, id: string): Capture {
  const row = db.prepare('SELECT id, record, manifest_sha256, timestamp FROM captures WHERE id = ?').get(id) as CaptureRow | undefined;
  if (!row) throw new SeimonError('NOT_FOUND', `No capture with id ${id}`);
  return toCapture(db, row);
}

/** A suspect's captures, newest first. */
export function listCaptures(db: Db, suspectId: string): Capture[] {
  const rows = db.prepare('SELECT id, record, manifest_sha256, timestamp FROM captures WHERE suspect_id = ? ORDER BY captured_at DESC, id').all(suspectId) as CaptureRow[];
  return rows.map((r) => toCapture(db, r));
}

/** Adds an artefact produced after the capture (the RFC 3161 token). */
export function addArtefact(db: Db, captureId: string, a: CaptureArtefact): void {
  db.prepare('INSERT OR REPLACE INTO capture_artefacts (capture_id, kind, sha256, size_bytes, media_type) VALUES (?, ?, ?, ?, ?)').run(captureId, a.kind, a.sha256, a.sizeBytes, a.mediaType);
}

/** Replaces the capture's time-stamp state. */
export function setCaptureTimestamp(db: Db, captureId: string, t: CaptureTimestamp): void {
  db.prepare('UPDATE captures SET timestamp = ? WHERE id = ?').run(JSON.stringify(t), captureId);
}

/** One media row (NOT_FOUND otherwise). */
export function getMedia(db: Db, id: string): CaptureMedia {
  const row = db.prepare('SELECT * FROM capture_media WHERE id = ?').get(id) as MediaRow | undefined;
  if (!row) throw new SeimonError('NOT_FOUND', `No capture media with id ${id}`);
  return toMedia(row);
}

/** Records the outcome of a fetch attempt. */
export function updateMedia(db: Db, id: string, m: Pick<CaptureMedia, 'state' | 'reason' | 'httpStatus' | 'responseHeaders' | 'sha256' | 'sizeBytes' | 'recordingId' | 'fetchedAt'>): CaptureMedia {
  db.prepare(
    'UPDATE capture_media SET state = ?, reason = ?, http_status = ?, response_headers = ?, sha256 = ?, size_bytes = ?, recording_id = ?, fetched_at = ? WHERE id = ?',
  ).run(m.state, m.reason, m.httpStatus, m.responseHeaders ? JSON.stringify(m.responseHeaders) : null, m.sha256, m.sizeBytes, m.recordingId, m.fetchedAt, id);
  return getMedia(db, id);
}

