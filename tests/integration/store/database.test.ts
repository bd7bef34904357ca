import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, schemaSnapshot } from '../../../src/store/database.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';
import { appendAudit, verifyAuditChain } from '../../../src/store/audit.js';
import { SeimonError } from '../../../src/core/errors.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';

const SNAPSHOT = path.join(REPO_ROOT, 'src', 'store', 'schema.snapshot.sql');

function expectSeimonError(fn: () => unknown, code: string, mentions: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SeimonError);
    expect((e as SeimonError).code).toBe(code);
    expect((e as SeimonError).message).toContain(mentions);
    return;
  }
  throw new Error(`expected ${code}`);
}

describe('the workbench database', () => {
  it('creates a migrated database with WAL and foreign keys on', () => {
    const dir = freshDataDir();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('matches the committed schema snapshot (update src/store/schema.snapshot.sql with a new migration)', () => {
    const db = openDatabase(freshDataDir());
    const snap = schemaSnapshot(db);
    db.close();
    if (process.env.UPDATE_SCHEMA_SNAPSHOT) fs.writeFileSync(SNAPSHOT, snap);
    expect(snap).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const dir = freshDataDir();
    openDatabase(dir).close();
    const file = path.join(dir, 'seimon.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expectSeimonError(() => openDatabase(dir), 'DB_TOO_NEW', file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, naming it, without changing it', () => {
    const dir = freshDataDir();
    const file = path.join(dir, 'seimon.sqlite');
    fs.writeFileSync(file, 'this is a text file, not a database\n'.repeat(10));
    const before = fs.readFileSync(file);
    expectSeimonError(() => openDatabase(dir), 'DB_NOT_SQLITE', file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a database locked by another connection as DB_LOCKED', () => {
    const dir = freshDataDir();
    openDatabase(dir).close();
    // Roll the schema back so opening must write (migrate) while another connection holds the lock.
    const file = path.join(dir, 'seimon.sqlite');
    const holder = new Database(file);
    holder.pragma('user_version = 0');
    holder.exec('DROP TABLE performers; DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TABLE audit_log;');
    holder.exec('BEGIN EXCLUSIVE');
    expectSeimonError(() => openDatabase(dir, { busyTimeoutMs: 50 }), 'DB_LOCKED', file);
    holder.exec('ROLLBACK');
    holder.close();
  });

  it('keeps the audit log append-only and its hash chain verifiable', () => {
    const db = openDatabase(freshDataDir());
    appendAudit(db, { actor: 'test', action: 'a' });
    appendAudit(db, { actor: 'test', action: 'b', details: { x: 1 } });
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 2 });
    expect(() => db.prepare("UPDATE audit_log SET action = 'z'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // A forged entry (triggers bypassed by rebuilding the table) breaks the chain at that entry.
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{\"x\":2}' WHERE seq = 2");
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 2 });
    db.close();
  });
});
