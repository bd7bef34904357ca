import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { freshDataDir } from '../../helpers/paths.js';
import type { TestServer } from './helpers.js';
import { fixture, startServer } from './helpers.js';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

let server: TestServer;
beforeAll(async () => {
  process.env.SEIMON_BUNDLED_MODELS_DIR = freshDataDir('seimon-no-bundle'); // no bundled models here
  server = await startServer();
});
afterAll(() => server.close());

describe('seimon models', () => {
  it('imports, lists, verifies and flags a changed file', async () => {
    const dir = freshDataDir('seimon-cli-models');
    const noMeta = await cli(['--data-dir', dir, 'models', 'import', fixture('good-nometa')]);
    expect(noMeta.code).toBe(2);
    expect(noMeta.err).toContain('MODEL_PRESET_REQUIRED');
    const ok = await cli([
      '--data-dir',
      dir,
      'models',
      'import',
      fixture('good-nometa'),
      '--preset',
      'wespeaker',
      '--name',
      '試験モデル',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('試験モデル');
    const bad = await cli(['--data-dir', dir, 'models', 'import', fixture('nan-output')]);
    expect(bad).toMatchObject({ code: 1 });
    expect(bad.err).toContain('MODEL_NAN_OUTPUT');

    const list = JSON.parse((await cli(['--data-dir', dir, 'models', 'list', '--json'])).out);
    expect(list).toEqual([
      expect.objectContaining({ displayName: '試験モデル', preset: 'wespeaker', isDefault: true }),
    ]);
    expect((await cli(['--data-dir', dir, 'models', 'list'])).out).toMatch(/^default\s+id\s+name/);

    expect((await cli(['--data-dir', dir, 'models', 'verify'])).code).toBe(0);
    fs.appendFileSync(path.join(dir, 'models', list[0].file), 'x');
    const verify = await cli(['--data-dir', dir, 'models', 'verify', '--json']);
    expect(verify.code).toBe(1);
    expect(verify.err).toContain(list[0].id);
    expect(JSON.parse(verify.out)[0]).toMatchObject({ status: 'mismatch' });
  });

  it('installs from a URL with progress on stderr, and shows the catalog', async () => {
    const body = fs.readFileSync(fixture('good-wespeaker'));
    server.handle((_req, res) =>
      res
        .writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': body.length,
        })
        .end(body),
    );
    const dir = freshDataDir('seimon-cli-models');
    const r = await cli([
      '--data-dir',
      dir,
      'models',
      'install',
      server.url('/good-wespeaker.onnx'),
      '--sha256',
      createHash('sha256').update(body).digest('hex'),
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Installed: good-wespeaker.onnx');
    expect(r.err).toMatch(/0\.0 MB \/ 0\.0 MB \(100%\)/);
    const cat = await cli(['--data-dir', dir, 'models', 'catalog', '--json']);
    expect(JSON.parse(cat.out).map((e: { id: string }) => e.id)).toContain(
      '3dspeaker-campplus-zh-cn',
    );
    expect((await cli(['--data-dir', dir, 'models', 'install', 'nonsense'])).code).toBe(2);
    const unpinned = await cli(['--data-dir', dir, 'models', 'install', server.url('/other.onnx')]);
    expect(unpinned.code).toBe(2);
    expect(unpinned.err).toMatch(/^error MODEL_SHA256_REQUIRED: /m);
  });
});
