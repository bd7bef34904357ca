import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SeimonError } from '../core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { withBusyRetry } from './busy.js';
import { checkDataDir } from './data-folder.js';

export type Db = Database.Database;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
export const DB_FILE_NAME = 'seimon.sqlite';

/** How long a writer waits for another process's write to finish before DB_LOCKED (SQLite busy timeout). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) the workbench database inside a data folder and migrates it. What would
 * be refused (a file that is not SQLite, a newer schema) is checked on a read-only connection first, so a
 * refusal never changes a byte of the file (not even its journal mode).
 */
export function openDatabase(dataDir: string, opts: { busyTimeoutMs?: number } = {}): Db {
  checkDataDir(dataDir);
  const file = path.join(dataDir, DB_FILE_NAME);
  const timeout = opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  assertLooksLikeSqlite(file);
  refuseTooNewReadOnly(file, timeout);
  let db: Db;
  try {
    db = new Database(file, { timeout });
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  try {
    immediateTransactions(db, file);
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
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // does not exist yet: it will be created
  }
  if (stat.isDirectory()) {
    throw new SeimonError('DB_IS_FOLDER', `${file} is a folder, not a database file. Move it aside or choose another data folder.`);
  }
  const fd = fs.openSync(file, 'r');
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

/** Reads the schema version without writing anything: a newer database is refused untouched. */
function refuseTooNewReadOnly(file: string, timeout: number): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  let ro: Db;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true, timeout });
  } catch (e) {
    throw translateSqliteError(e, file);
  }
  try {
    tooNewCheck(ro.pragma('user_version', { simple: true }) as number, file);
  } catch (e) {
    throw translateSqliteError(e, file);
  } finally {
    ro.close();
  }
}

function tooNewCheck(current: number, file: string): void {
  if (current > SCHEMA_VERSION) {
    throw new SeimonError(
      'DB_TOO_NEW',
      `${file} was written by a newer Seimon (schema ${current}, this version knows ${SCHEMA_VERSION}). Update Seimon; the file was not changed.`,
    );
  }
}

/**
 * Every `db.transaction(fn)()` begins IMMEDIATE (takes the write lock up front, waiting up to the busy
 * timeout) instead of DEFERRED, whose read-to-write upgrade fails at once with "database is locked"
 * when another process wrote in between; a transaction that still finds the database busy is retried
 * a few times, then fails with DB_LOCKED naming the file.
 */
function immediateTransactions(db: Db, file: string): void {
  const original = db.transaction.bind(db);
  const patched = (<F extends (...args: never[]) => unknown>(fn: F) => {
    const t = original(fn);
    const immediate = t.immediate as (...a: unknown[]) => unknown;
    const run = ((...args: unknown[]) => withBusyRetry(file, () => immediate(...args))) as unknown as typeof t;
    run.deferred = t.deferred;
    run.immediate = t.immediate;
    run.exclusive = t.exclusive;
    run.default = run;
    return run;
  }) as Db['transaction'];
  db.transaction = patched;
}

function migrate(db: Db, file: string): void {
  tooNewCheck(db.pragma('user_version', { simple: true }) as number, file);
  if ((db.pragma('user_version', { simple: true }) as number) === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again under the write lock: another process may have migrated while this one waited.
    const current = db.pragma('user_version', { simple: true }) as number;
    tooNewCheck(current, file);
    for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/** Turns an SQLite failure while opening into the error a user sees, naming the file. */
export function translateSqliteError(e: unknown, file: string): Error {
  if (e instanceof SeimonError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return lockedError(file);
  if (code === 'SQLITE_NOTADB') {
    return new SeimonError('DB_NOT_SQLITE', `${file} is not a Seimon database (not an SQLite file).`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return diskFullError(file);
  return new SeimonError('DB_OPEN_FAILED', `Cannot open database ${file}: ${(e as Error).message}`);
}

export const lockedError = (file: string): SeimonError =>
  new SeimonError(
    'DB_LOCKED',
    `${file} is locked by another process (another Seimon window or command is writing). Nothing was changed; try again.`,
  );

export const diskFullError = (where: string): SeimonError =>
  new SeimonError('DISK_FULL', `The disk holding ${where} is full. Nothing was half-written; free some space and try again.`);

/** The schema as SQL text, stable across runs: checked against a committed snapshot. */
export function schemaSnapshot(db: Db): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all() as { type: string; name: string; sql: string }[];
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql};\n`).join('\n');
}
