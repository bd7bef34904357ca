import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';

const BIN = path.join(REPO_ROOT, 'bin', 'seimon.js');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('seimon CLI', () => {
  it('round-trips a Japanese performer through the real bin (add --json, then list --json)', () => {
    const dir = freshDataDir('seimon-cli');
    const added = JSON.parse(execFileSync('node', [BIN, '--data-dir', dir, 'performer', 'add', '--name', '山田花子', '--kana', 'やまだはなこ', '--json'], { encoding: 'utf8' }));
    expect(added).toMatchObject({ name: '山田花子', kana: 'やまだはなこ' });
    expect(added.id).toMatch(/^perf_/);
    const list = JSON.parse(execFileSync('node', [BIN, '--data-dir', dir, 'performer', 'list', '--json'], { encoding: 'utf8' }));
    expect(list).toEqual([added]);
  });

  it('honours SEIMON_DATA_DIR when no flag is given', () => {
    const dir = freshDataDir('seimon-cli-env');
    const r = spawnSync('node', [BIN, 'info', '--json'], { encoding: 'utf8', env: { ...process.env, SEIMON_DATA_DIR: dir } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dataDir: dir, schemaVersion: SCHEMA_VERSION });
  });

  it('prints a table by default, with Japanese names aligned', async () => {
    const dir = freshDataDir('seimon-cli');
    await cli(['--data-dir', dir, 'performer', 'add', '--name', '佐藤一郎', '--agency', '青空']);
    const r = await cli(['--data-dir', dir, 'performer', 'list']);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+kana\s+romaji\s+agency$/);
    expect(lines[2]).toContain('佐藤一郎');
  });

  it('exits 2 on bad usage and on invalid input, 1 on failure, with the error code on stderr', async () => {
    const dir = freshDataDir('seimon-cli');
    expect((await cli(['--data-dir', dir, 'performer', 'add'])).code).toBe(2); // --name missing
    expect((await cli(['--data-dir', dir, 'no-such-command'])).code).toBe(2);
    const blank = await cli(['--data-dir', dir, 'performer', 'add', '--name', '   ']);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('INVALID_INPUT');
    const missing = await cli(['--data-dir', dir, 'performer', 'remove', 'perf_0000000000000000']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error NOT_FOUND: /);
    const list = await cli(['--data-dir', dir, 'performer', 'list', '--json']);
    expect(JSON.parse(list.out)).toEqual([]);
  });

  it('reports a data folder whose database is not SQLite with exit 1 and DB_NOT_SQLITE', async () => {
    const dir = freshDataDir('seimon-cli');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'seimon.sqlite'), 'garbage garbage garbage garbage');
    const r = await cli(['--data-dir', dir, 'performer', 'list']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('DB_NOT_SQLITE');
    expect(r.err).toContain(path.join(dir, 'seimon.sqlite'));
  });
});
