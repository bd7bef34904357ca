import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/database.js';
import { freshDataDir, REPO_ROOT } from '../../helpers/paths.js';
import { espeak } from '../../helpers/speech.js';

const WRITER = path.join(REPO_ROOT, 'tests', 'integration', 'store', 'scripts', 'writer.mjs');

function runWriter(dataDir: string, label: string, count: number, audio: string[] = []): Promise<{ ok: number; failures: { code: string; message: string }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir, label, String(count), ...audio], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`writer ${label} exited ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
    });
  });
}

describe('several processes writing to one data folder', () => {
  it('loses nothing: four writer processes, every create and update lands (busy timeout, IMMEDIATE transactions, retry)', async () => {
    const dir = freshDataDir('seimon-concurrent');
    const work = freshDataDir('seimon-concurrent-audio');
    const audio = ['one', 'two'].map((w, i) => {
      const f = path.join(work, `${w}.wav`);
      if (!espeak(`reference number ${w}, spoken for the concurrency test ${i}`, f)) throw new Error('espeak-ng is needed');
      return f;
    });
    const count = 8;
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((l) => runWriter(dir, l, count, audio)));
    for (const r of results) {
      expect(r.failures).toEqual([]);
      expect(r.ok).toBe(count);
    }
    const db = openDatabase(dir);
    const rows = db.prepare('SELECT count(*) AS n FROM performers WHERE notes IS NOT NULL').get() as { n: number };
    const refs = db.prepare("SELECT count(*) AS n FROM recordings WHERE role = 'reference'").get() as { n: number };
    db.close();
    expect(rows.n).toBe(4 * count);
    expect(refs.n).toBe(4 * count * audio.length);
  }, 120_000);

  it('a writer that cannot get the lock in time fails with DB_LOCKED naming the file, and changes nothing', async () => {
    const dir = freshDataDir('seimon-locked');
    openDatabase(dir).close();
    const file = path.join(dir, 'seimon.sqlite');
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const db = openDatabase(dir, { busyTimeoutMs: 100 });
    const started = Date.now();
    let error: unknown;
    try {
      db.transaction(() => db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run())();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'DB_LOCKED' });
    expect((error as Error).message).toContain(file);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // the busy timeout, then the retries
    holder.exec('ROLLBACK');
    holder.close();
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'x'").get()).toEqual({ n: 0 });
    db.close();
  });
});
