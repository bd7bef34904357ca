import type { Case, CaseEvent, CaseStatus, EvidenceExport } from '../domain/cases.js';
import { newId } from '../core/ids.js';
import { SeimonError } from '../core/errors.js';
import type { Db } from './database.js';

/** Free fields of a case (undefined leaves a field unchanged on update, null clears it). */
export interface CaseFields {
  title?: string | undefined;
  platform?: string | null | undefined;
  legalGrounds?: string | null | undefined;
  notes?: string | null | undefined;
  modelId?: string | null | undefined;
}

interface Row {
  id: string;
  title: string;
  status: CaseStatus;
  platform: string | null;
  legal_grounds: string | null;
  notes: string | null;
  model_id: string | null;
  created_at: string;
  updated_at: string;
}

function toCase(db: Db, r: Row): Case {
  const performers = db
    .prepare('SELECT p.id, p.name FROM case_performers c JOIN performers p ON p.id = c.performer_id WHERE c.case_id = ? ORDER BY p.name, p.id')
    .all(r.id) as { id: string; name: string }[];
  const suspects = db
    .prepare('SELECT s.id, s.label FROM case_suspects c JOIN suspects s ON s.id = c.suspect_id WHERE c.case_id = ? ORDER BY s.label, s.id')
    .all(r.id) as { id: string; label: string }[];
  return {
    id: r.id,
    title: r.title,
    status: r.status,
    platform: r.platform,
    legalGrounds: r.legal_grounds,
    notes: r.notes,
    modelId: r.model_id,
    performers,
    suspects,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Stores a new draft case linking performers and suspects (call inside a transaction). */
export function insertCase(
  db: Db,
  f: CaseFields & { title: string; performerIds: readonly string[]; suspectIds: readonly string[] },
  actor: string,
  now = new Date(),
): Case {
  const id = newId('case');
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO cases (id, title, status, platform, legal_grounds, notes, model_id, created_at, updated_at)
     VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.title, f.platform ?? null, f.legalGrounds ?? null, f.notes ?? null, f.modelId ?? null, at, at);
  const addP = db.prepare('INSERT OR IGNORE INTO case_performers (case_id, performer_id) VALUES (?, ?)');
  for (const p of f.performerIds) addP.run(id, p);
  const addS = db.prepare('INSERT OR IGNORE INTO case_suspects (case_id, suspect_id) VALUES (?, ?)');
  for (const s of f.suspectIds) addS.run(id, s);
  db.prepare('INSERT INTO case_events (case_id, at, from_status, to_status, note, actor) VALUES (?, ?, NULL, ?, NULL, ?)').run(id, at, 'draft', actor);
  return getCase(db, id);
}

/** A case by id (NOT_FOUND otherwise). */
export function getCase(db: Db, id: string): Case {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new SeimonError('NOT_FOUND', `No case with id ${id}`);
  return toCase(db, row);
}

/** Every case, most recently changed first. */
export function listCases(db: Db): Case[] {
  const rows = db.prepare('SELECT * FROM cases ORDER BY updated_at DESC, id').all() as Row[];
  return rows.map((r) => toCase(db, r));
}

/** Changes the free fields given. */
export function updateCaseFields(db: Db, id: string, f: CaseFields, now = new Date()): Case {
  const cur = getCase(db, id);
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  db.prepare('UPDATE cases SET title = ?, platform = ?, legal_grounds = ?, notes = ?, model_id = ?, updated_at = ? WHERE id = ?').run(
    f.title ?? cur.title,
    pick(f.platform, cur.platform),
    pick(f.legalGrounds, cur.legalGrounds),
    pick(f.notes, cur.notes),
    pick(f.modelId, cur.modelId),
    now.toISOString(),
    id,
  );
  return getCase(db, id);
}

/** Sets the status and records the change in the case's history (transition already checked). */
export function setCaseStatus(db: Db, id: string, from: CaseStatus, to: CaseStatus, note: string | null, actor: string, now = new Date()): Case {
  const at = now.toISOString();
  const info = db.prepare('UPDATE cases SET status = ?, updated_at = ? WHERE id = ? AND status = ?').run(to, at, id, from);
  if (info.changes === 0) throw new SeimonError('CASE_CONFLICT', `Case ${id} is no longer ${from}; reload it.`);
  db.prepare('INSERT INTO case_events (case_id, at, from_status, to_status, note, actor) VALUES (?, ?, ?, ?, ?, ?)').run(id, at, from, to, note, actor);
  return getCase(db, id);
}

/** A case's status history, oldest first. */
export function caseHistory(db: Db, id: string): CaseEvent[] {
  const rows = db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY at, rowid').all(id) as {
    at: string;
    from_status: CaseStatus | null;
    to_status: CaseStatus;
    note: string | null;
    actor: string;
  }[];
  return rows.map((r) => ({ at: r.at, from: r.from_status, to: r.to_status, note: r.note, actor: r.actor }));
}

/** Records a written evidence pack (call inside the transaction that audits it). */
export function insertExport(db: Db, caseId: string, e: Omit<EvidenceExport, 'id' | 'createdAt'>, now = new Date()): EvidenceExport {
  const id = newId('exp');
  const createdAt = now.toISOString();
  db.prepare(
    `INSERT INTO evidence_exports (id, case_id, file_name, sha256, size_bytes, manifest_sha256, lang, with_reference_audio, redacted, with_other_performers, timestamped, signing_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, caseId, e.fileName, e.sha256, e.sizeBytes, e.manifestSha256, e.lang, e.withReferenceAudio ? 1 : 0, e.redacted ? 1 : 0, e.withOtherPerformers ? 1 : 0, e.timestamped ? 1 : 0, e.signingKey, createdAt);
  return { id, createdAt, ...e };
}

interface ExportRow {
  id: string;
  file_name: string;
  sha256: string;
  size_bytes: number;
  manifest_sha256: string;
  lang: 'ja' | 'en';
  with_reference_audio: number;
  redacted: number;
  with_other_performers: number;
  timestamped: number;
  signing_key: string | null;
  created_at: string;
}

/** Packs exported for a case, newest first. */
export function listExports(db: Db, caseId: string): EvidenceExport[] {
  const rows = db.prepare('SELECT * FROM evidence_exports WHERE case_id = ? ORDER BY created_at DESC, id').all(caseId) as ExportRow[];
  return rows.map(exportOf);
}

/** The export whose manifest has this SHA-256 (what the audit log recorded about a pack), if any. */
export function findExportByManifest(db: Db, manifestSha256: string): EvidenceExport | null {
  const r = db.prepare('SELECT * FROM evidence_exports WHERE manifest_sha256 = ? ORDER BY created_at, id LIMIT 1').get(manifestSha256) as ExportRow | undefined;
  return r ? exportOf(r) : null;
}

function exportOf(r: ExportRow): EvidenceExport {
  return {
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    sizeBytes: r.size_bytes,
    manifestSha256: r.manifest_sha256,
    lang: r.lang,
    withReferenceAudio: r.with_reference_audio === 1,
    redacted: r.redacted === 1,
    withOtherPerformers: r.with_other_performers === 1,
    timestamped: r.timestamped === 1,
    signingKey: r.signing_key,
    createdAt: r.created_at,
  };
}
