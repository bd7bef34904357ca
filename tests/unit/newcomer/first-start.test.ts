/**
 * The newcomer path: `npm install` needs no npm config key npm does not know (onnxruntime-node's CUDA
 * download is denied through package.json's allowScripts), the Node requirement is one every installed
 * package accepts, and a first `npm start` without internet stops at once with one sentence and the fix.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';

const require = createRequire(import.meta.url);
const semver = require('semver') as { satisfies(v: string, range: string): boolean; minVersion(range: string): { version: string } | null };
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  allowScripts: Record<string, boolean>;
};
const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } }>;
};

describe('npm install for a newcomer', () => {
  it('has no .npmrc key npm no longer knows; onnxruntime-node and Electron downloads are denied in allowScripts', () => {
    const npmrc = path.join(REPO_ROOT, '.npmrc');
    const keys = fs.existsSync(npmrc) ? fs.readFileSync(npmrc, 'utf8').split('\n').filter((l) => /^\s*[^#;\s]/.test(l)) : [];
    expect(keys.filter((k) => k.includes('onnxruntime'))).toEqual([]);
    expect(pkg.allowScripts['onnxruntime-node']).toBe(false);
    expect(pkg.allowScripts.electron).toBe(false);
  });

  it('states a Node requirement that every locked package accepts (lowest version of each range)', () => {
    const lowest = pkg.engines.node.split('||').map((r) => semver.minVersion(r.trim())?.version ?? '');
    expect(lowest.length).toBeGreaterThan(0);
    const refusing = Object.entries(lock.packages)
      .filter(([, p]) => p.engines?.node)
      .flatMap(([name, p]) => lowest.filter((v) => !semver.satisfies(v, p.engines?.node ?? '*')).map((v) => `${name} refuses ${v}`));
    expect(refusing).toEqual([]);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${lowest[0]}`);
  });
});

describe('the first npm start without internet', () => {
  it('stops within seconds with one sentence, the fix and the CLI alternative, and no stack trace', () => {
    const cwd = freshDataDir('seimon-first-start'); // a checkout where Electron was never downloaded
    const started = Date.now();
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'first-start.mjs')], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, SEIMON_DOWNLOAD_PROBE_HOST: 'seimon-offline-check.invalid' },
      timeout: 20_000,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Seimon cannot start yet: the first start needs the Electron runtime .* cannot be reached\.$/);
    expect(lines[1]).toMatch(/^Fix: connect to the internet and run `npm start` again/);
    expect(lines[1]).toContain('npx seimon --help');
    expect(r.stderr).not.toMatch(/ENOTFOUND|getaddrinfo|\n\s+at /);
  });

  it('says nothing and exits 0 once Electron is in place and the module rebuilt', () => {
    const cwd = freshDataDir('seimon-first-start-done');
    fs.mkdirSync(path.join(cwd, 'node_modules', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(cwd, 'node_modules', 'electron', 'path.txt'), 'electron');
    fs.writeFileSync(path.join(cwd, 'node_modules', '.seimon-native-abi'), 'electron');
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'first-start.mjs')], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, SEIMON_DOWNLOAD_PROBE_HOST: 'seimon-offline-check.invalid' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });
});
