/** Kill -9 in the middle of imports: the database stays consistent and every row has its file. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { listAudit, verifyAuditChain } from '../../../src/store/audit.js';
import { contentPath } from '../../../src/store/content.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { LINES, hasEspeak, speech } from './helpers.js';

describe.skipIf(!hasEspeak)('crash during import', () => {
  it('leaves a consistent database after kill -9', async () => {
    const dataDir = freshDataDir('seimon-crash');
    const wav = speech(freshDataDir('seimon-crash-files'), 'take.wav', LINES[0] ?? '');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tests/integration/workbench/import-child.ts'), dataDir, wav], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error(`child exited early: ${err}`)));
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        // Kill after a few imports, at an arbitrary point inside the next one.
        if ((out.match(/imported/g) ?? []).length >= 4) {
          child.removeAllListeners('exit');
          setTimeout(() => {
            child.kill('SIGKILL');
            child.on('exit', () => resolve());
          }, 7);
        }
      });
    });

    const ctx = openCore(dataDir, 'test');
    try {
      expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(ctx.db).ok).toBe(true);
      const rows = ctx.db.prepare('SELECT id, sha256 FROM recordings').all() as { id: string; sha256: string }[];
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const r of rows) {
        const bytes = fs.readFileSync(contentPath(dataDir, r.sha256));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
      }
      expect(listAudit(ctx.db).filter((e) => e.action === 'reference.import')).toHaveLength(rows.length);
    } finally {
      closeCore(ctx);
    }
  });
});
