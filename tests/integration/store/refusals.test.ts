import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';
import { cli } from '../../helpers/cli-run.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('refusals change nothing and say what is wrong', () => {
  it('a too-new database in rollback-journal mode stays byte-identical (checked read-only first; no WAL switch)', () => {
    const dir = freshDataDir('seimon-too-new');
    const file = path.join(dir, 'seimon.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec('CREATE TABLE t (x)');
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(before[18]).toBe(1); // header: legacy (rollback-journal) file format, not WAL (2)
    const e = codeOf(() => openDatabase(dir));
    expect(e.code).toBe('DB_TOO_NEW');
    expect(e.message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['seimon.sqlite']); // no -wal or -shm left behind
  });

  it('a data folder that is a file: DATA_DIR_NOT_FOLDER (exit 1, no stack trace)', async () => {
    const parent = freshDataDir('seimon-dir-file');
    const notAFolder = path.join(parent, 'data');
    fs.writeFileSync(notAFolder, 'a file where the data folder should be');
    expect(codeOf(() => openDatabase(notAFolder)).code).toBe('DATA_DIR_NOT_FOLDER');
    expect(codeOf(() => openDatabase(path.join(notAFolder, 'below'))).code).toBe('DATA_DIR_NOT_FOLDER');
    const r = await cli(['--data-dir', notAFolder, 'performer', 'list']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error DATA_DIR_NOT_FOLDER: .*is a file/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a database path that is a folder: DB_IS_FOLDER naming it', async () => {
    const dir = freshDataDir('seimon-db-folder');
    fs.mkdirSync(path.join(dir, 'seimon.sqlite'));
    const e = codeOf(() => openDatabase(dir));
    expect(e.code).toBe('DB_IS_FOLDER');
    expect(e.message).toContain(path.join(dir, 'seimon.sqlite'));
    const r = await cli(['--data-dir', dir, 'performer', 'list']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error DB_IS_FOLDER: /);
  });
});

/** Runs the real CLI in a private mount namespace with the data folder on a tiny tmpfs (a full disk). */
function onFullDisk(sizeKb: number, args: string[]): { code: number | null; err: string } {
  const dir = freshDataDir('seimon-full');
  const script = `mount -t tmpfs -o size=${sizeKb}k tmpfs "${dir}" && exec "${process.execPath}" bin/seimon.js --data-dir "${dir}" ${args.map((a) => `'${a}'`).join(' ')}`;
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, err: r.stderr };
}

describe('a full disk is reported as DISK_FULL', () => {
  // Needs user namespaces (unshare -rm) to mount a tiny tmpfs; skipped where the kernel forbids them.
  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt']).status === 0;
  it.skipIf(!canMount)('the bundled model cannot be copied: DISK_FULL, not MODEL_NO_DEFAULT', () => {
    const wav = path.join(freshDataDir('seimon-full-wav'), 'a.wav');
    execFileSync('espeak-ng', ['-w', wav, 'a short sentence for the full disk test']);
    // 1 MiB holds the database but not the 6 MB starter model.
    const r = onFullDisk(1024, ['embed', wav]);
    expect(r.err).toMatch(/error DISK_FULL: /);
    expect(r.err).not.toMatch(/MODEL_NO_DEFAULT|INTERNAL/);
    expect(r.code).toBe(1);
  });
});
