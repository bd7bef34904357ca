import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SeimonError } from '../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';

export type Db = Database.Database;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
export const DB_FILE_NAME = 'seimon.sqlite';

/** Opens (creating if needed) the workbench database inside a data folder and migrates it. */
export function openDatabase(dataDir: string, opts: { busyTimeoutMs?: number } = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  assertLooksLikeSqlite(file);
  let db: Db;
  try {
    db = new Database(file, { timeout: opts.busyTimeoutMs ?? 2000 });
  } catch (e) {
    throw new SeimonError('DB_OPEN_FAILED', `Cannot open database ${file}: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    return db;
  } catch (e) {
    db.close();
    throw translateSqliteError(e, file);
  }
}

function assertLooksLikeSqlite(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return; // does not exist yet: it will be created
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return; // empty file: SQLite treats it as a new database
    if (n < 16 || !head.equals(SQLITE_MAGIC)) {
      throw new SeimonError(
        'DB_NOT_SQLITE',
        `${file} is not a Seimon database (not an SQLite file). Move it aside or choose another data folder.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

function migrate(db: Db, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new SeimonError(
      'DB_TOO_NEW',
      `${file} was written by a newer Seimon (schema ${current}, this version knows ${SCHEMA_VERSION}). Update Seimon; the file was not changed.`,
    );
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

function translateSqliteError(e: unknown, file: string): Error {
  if (e instanceof SeimonError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new SeimonError(
      'DB_LOCKED',
      `${file} is locked by another process (is Seimon already running?). Close it and try again.`,
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new SeimonError('DB_NOT_SQLITE', `${file} is not a Seimon database (not an SQLite file).`);
  }
  return new SeimonError('DB_OPEN_FAILED', `Cannot open database ${file}: ${(e as Error).message}`);
}

/** The schema as SQL text, stable across runs: checked against a committed snapshot. */
export function schemaSnapshot(db: Db): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};\n`).join('\n');
}
