import type { Suspect, SuspectKind } from '../domain/index.js';
import { newId } from '../core/ids.js';
import { SeimonError } from '../core/errors.js';
import type { Db } from './database.js';
import { listRecordings } from './recordings.js';
import { listFieldSources } from './field-sources.js';

/** The editable fields of a suspect (undefined leaves a field unchanged on update, null clears it). */
export interface SuspectFields {
  kind: SuspectKind;
  label: string;
  service?: string | null | undefined;
  operator?: string | null | undefined;
  characterName?: string | null | undefined;
  url?: string | null | undefined;
  platform?: string | null | undefined;
  uploader?: string | null | undefined;
  postedAt?: string | null | undefined;
  capturedAt?: string | null | undefined;
  foundAt?: string | null | undefined;
  notes?: string | null | undefined;
  postTitle?: string | null | undefined;
}

const OPTIONAL = [
  ['service', 'service'],
  ['operator', 'operator'],
  ['characterName', 'character_name'],
  ['url', 'url'],
  ['platform', 'platform'],
  ['uploader', 'uploader'],
  ['postedAt', 'posted_at'],
  ['capturedAt', 'captured_at'],
  ['foundAt', 'found_at'],
  ['notes', 'notes'],
  ['postTitle', 'post_title'],
] as const;

type Row = Record<string, string | null> & { id: string; kind: SuspectKind; label: string; created_at: string };

function toSuspect(db: Db, r: Row): Suspect {
  const s = { id: r.id, kind: r.kind, label: r.label, createdAt: r.created_at } as Suspect;
  for (const [field, column] of OPTIONAL) s[field] = r[column] ?? null;
  s.clips = listRecordings(db, 'suspect', r.id);
  s.fieldSources = listFieldSources(db, r.id);
  return s;
}

/** Every suspect with its clips, newest first. */
export function listSuspects(db: Db): Suspect[] {
  const rows = db.prepare('SELECT * FROM suspects ORDER BY created_at DESC, id').all() as Row[];
  return rows.map((r) => toSuspect(db, r));
}

/** A suspect with its clips (NOT_FOUND otherwise). */
export function getSuspect(db: Db, id: string): Suspect {
  const row = db.prepare('SELECT * FROM suspects WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new SeimonError('NOT_FOUND', `No suspect with id ${id}`);
  return toSuspect(db, row);
}

/** Stores a new suspect. */
export function insertSuspect(db: Db, f: SuspectFields, now = new Date()): Suspect {
  const id = newId('susp');
  const at = now.toISOString();
  const cols = OPTIONAL.map(([, c]) => c);
  db.prepare(
    `INSERT INTO suspects (id, kind, label, ${cols.join(', ')}, created_at, updated_at)
     VALUES (?, ?, ?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
  ).run(id, f.kind, f.label, ...OPTIONAL.map(([k]) => f[k] ?? null), at, at);
  return getSuspect(db, id);
}

/** Updates the given fields only. */
export function updateSuspect(db: Db, id: string, f: Partial<SuspectFields>, now = new Date()): Suspect {
  const cur = getSuspect(db, id);
  const pick = <K extends keyof SuspectFields>(k: K) => (f[k] === undefined ? cur[k] : f[k]);
  db.prepare(
    `UPDATE suspects SET kind = ?, label = ?, ${OPTIONAL.map(([, c]) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(f.kind ?? cur.kind, f.label ?? cur.label, ...OPTIONAL.map(([k]) => pick(k) ?? null), now.toISOString(), id);
  return getSuspect(db, id);
}

/** Deletes a suspect and (by cascade) its clip rows. */
export function deleteSuspect(db: Db, id: string): void {
  const info = db.prepare('DELETE FROM suspects WHERE id = ?').run(id);
  if (info.changes === 0) throw new SeimonError('NOT_FOUND', `No suspect with id ${id}`);
}
