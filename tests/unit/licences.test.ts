import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';

describe('licences', () => {
  it('every direct dependency has a permissive licence', () => {
    const r = spawnSync('node', ['scripts/licenses.mjs', '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('THIRD_PARTY.md lists every direct dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'THIRD_PARTY.md'), 'utf8');
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) {
      expect(doc, `${name} missing from THIRD_PARTY.md (run node scripts/licenses.mjs)`).toContain(`| ${name} |`);
    }
  });
});
