import type { ConsentStatement, Performer } from '../domain/index.js';
import { newId } from '../core/ids.js';
import { SeimonError } from '../core/errors.js';
import type { Db } from './database.js';

export interface PerformerFields {
  name: string;
  kana?: string | null | undefined;
  romaji?: string | null | undefined;
  agency?: string | null | undefined;
  notes?: string | null | undefined;
  consent?: ConsentStatement | null | undefined;
  language?: string | undefined;
}

interface PerformerRow {
  id: string;
  name: string;
  kana: string | null;
  romaji: string | null;
  agency: string | null;
  notes: string | null;
  consent: string | null;
  language: string;
  reference_count: number;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT p.*, (SELECT COUNT(*) FROM recordings r WHERE r.performer_id = p.id) AS reference_count FROM performers p`;

const toPerformer = (r: PerformerRow): Performer => ({
  id: r.id,
  name: r.name,
  kana: r.kana,
  romaji: r.romaji,
  agency: r.agency,
  notes: r.notes,
  consent: r.consent ? (JSON.parse(r.consent) as ConsentStatement) : null,
  language: r.language,
  referenceCount: r.reference_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const consentJson = (c: ConsentStatement | null | undefined): string | null => (c ? JSON.stringify(c) : null);

/** Every performer, in kana order. */
export function listPerformers(db: Db): Performer[] {
  const rows = db
    .prepare(`${SELECT} ORDER BY COALESCE(p.kana, p.name), p.name, p.created_at`)
    .all() as PerformerRow[];
  return rows.map(toPerformer);
}

export function getPerformer(db: Db, id: string): Performer {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PerformerRow | undefined;
  if (!row) throw new SeimonError('NOT_FOUND', `No performer with id ${id}`);
  return toPerformer(row);
}

export function insertPerformer(db: Db, f: PerformerFields, now = new Date()): Performer {
  const id = newId('perf');
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO performers (id, name, kana, romaji, agency, notes, consent, language, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.name, f.kana ?? null, f.romaji ?? null, f.agency ?? null, f.notes ?? null, consentJson(f.consent), f.language ?? 'ja', at, at);
  return getPerformer(db, id);
}

/** Updates the given fields only; `undefined` leaves a field as it is, `null` clears it. */
export function updatePerformer(
  db: Db,
  id: string,
  f: Partial<PerformerFields>,
  now = new Date(),
): Performer {
  const current = getPerformer(db, id);
  const next = {
    name: f.name ?? current.name,
    kana: f.kana === undefined ? current.kana : f.kana,
    romaji: f.romaji === undefined ? current.romaji : f.romaji,
    agency: f.agency === undefined ? current.agency : f.agency,
    notes: f.notes === undefined ? current.notes : f.notes,
    consent: f.consent === undefined ? current.consent : f.consent,
    language: f.language ?? current.language,
  };
  db.prepare(
    `UPDATE performers SET name = ?, kana = ?, romaji = ?, agency = ?, notes = ?, consent = ?, language = ?, updated_at = ? WHERE id = ?`,
  ).run(next.name, next.kana, next.romaji, next.agency, next.notes, consentJson(next.consent), next.language, now.toISOString(), id);
  return getPerformer(db, id);
}

export function deletePerformer(db: Db, id: string): void {
  const info = db.prepare('DELETE FROM performers WHERE id = ?').run(id);
  if (info.changes === 0) throw new SeimonError('NOT_FOUND', `No performer with id ${id}`);
}
