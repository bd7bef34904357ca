// Evidence settings kept in the settings table: the examiner printed in reports, and the TSA.
import type { EvidenceSettings, Examiner } from '../domain/evidence.js';
import type { Db } from './database.js';

const EXAMINER_KEY = 'evidence.examiner';
const TSA_KEY = 'evidence.tsaUrl';

function read(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return null;
  }
}

function write(db: Db, key: string, value: unknown): void {
  if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));
}

/** The examiner and TSA in force (none until the user sets them). */
export function getEvidenceSettings(db: Db): EvidenceSettings {
  const e = read(db, EXAMINER_KEY) as Partial<Examiner> | null;
  const tsa = read(db, TSA_KEY);
  return {
    examiner: e && typeof e.name === 'string' && typeof e.role === 'string' && e.name.trim() && e.role.trim() ? { name: e.name, role: e.role } : null,
    tsaUrl: typeof tsa === 'string' && tsa ? tsa : null,
  };
}

/** Stores what is given; `null` clears it, `undefined` keeps it. */
export function saveEvidenceSettings(db: Db, s: { examiner?: Examiner | null | undefined; tsaUrl?: string | null | undefined }): EvidenceSettings {
  if (s.examiner !== undefined) write(db, EXAMINER_KEY, s.examiner);
  if (s.tsaUrl !== undefined) write(db, TSA_KEY, s.tsaUrl);
  return getEvidenceSettings(db);
}
