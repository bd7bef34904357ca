import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { walkAuditChain } from '../../../src/evidence/audit-chain.js';
import { exportEvidencePack, strayPartials } from '../../../src/evidence/pack/export.js';
import { sha256OfFile } from '../../../src/evidence/hash.js';
import { contentPath } from '../../../src/store/content.js';
import { DB_FILE_NAME } from '../../../src/store/database.js';
import { REPO_ROOT, SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { buildWorkbench } from './fixture.js';

if (!hasShared) console.warn(`[evidence crash] ${SHARED_SKIP_MESSAGE}`);
const CHILD = path.join(REPO_ROOT, 'tests', 'integration', 'evidence', 'crash-child.ts');

/** Runs the child until a stdout line matches `when`, then kills it with SIGKILL. */
function killWhen(args: string[], when: (line: string) => boolean, extraDelayMs = 0): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let err = '';
    let buf = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      for (const l of parts) {
        lines.push(l);
        if (when(l)) setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
      }
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`child ended without being killed (${code}): ${err}\n${lines.join('\n')}`))));
  });
}

function assertConsistent(dir: string): void {
  const raw = new Database(path.join(dir, DB_FILE_NAME));
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(raw.pragma('foreign_key_check')).toEqual([]);
  raw.close();
  const ctx = openCore(dir, 'test');
  try {
    expect(walkAuditChain(ctx.db)).toMatchObject({ ok: true });
    // Every recording row has its file, with the bytes its hash names.
    for (const r of ctx.db.prepare('SELECT sha256 FROM recordings').all() as { sha256: string }[]) expect(sha256OfFile(contentPath(dir, r.sha256))).toBe(r.sha256);
  } finally {
    closeCore(ctx);
  }
}

describe.skipIf(!hasShared)('kill -9 mid-export and mid-import', () => {
  const dir = freshDataDir('seimon-crash');
  let caseId = '';
  let suspectId = '';

  beforeAll(async () => {
    const ctx = openCore(dir, 'test');
    const wb = await buildWorkbench(ctx);
    caseId = wb.caseId;
    suspectId = wb.suspectId;
    closeCore(ctx);
  });

  it('an export killed part-way leaves no file under the final name and a consistent database', async () => {
    const outDir = freshDataDir('seimon-crash-out');
    const out = path.join(outDir, 'pack.zip');
    const lines = await killWhen(['export', dir, caseId, out], (l) => l.startsWith('ENTRY clips/'));
    expect(lines.some((l) => l.startsWith('ENTRY'))).toBe(true);
    expect(lines).not.toContain('DONE');
    expect(fs.existsSync(out)).toBe(false);
    expect(strayPartials(outDir).length).toBe(1); // the temporary file, never under the final name
    assertConsistent(dir);
    const db = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM evidence_exports').get()).toEqual({ n: 0 });
    db.close();
    // The next export into that folder clears the dead writer's leftover, and leaves a live one's alone.
    const live = path.join(outDir, `.seimon-export-${process.pid}-feedface.partial`);
    fs.writeFileSync(live, 'in progress');
    const ctx = openCore(dir, 'test');
    try {
      await exportEvidencePack(ctx, { caseId, out, lang: 'ja', audience: 'recipient' });
    } finally {
      closeCore(ctx);
    }
    expect(fs.existsSync(out)).toBe(true);
    expect(strayPartials(outDir)).toEqual([live]);
  });

  it('imports killed part-way leave a consistent database and content store', async () => {
    const lines = await killWhen(['import', dir, suspectId], (l) => l === 'IMPORTED 2', 15);
    expect(lines.filter((l) => l.startsWith('IMPORTED')).length).toBeGreaterThanOrEqual(3);
    assertConsistent(dir);
  });
});
