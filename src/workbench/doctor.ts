// `seimon doctor`: checks a data folder (SQLite integrity, the audit chain, the content store) and reports
// what it would fix; with `fix`, removes what is safe to remove. Nothing it cannot undo is touched:
// recordings whose file is missing or damaged are reported for a person to decide.
import type { CoreContext } from '../core/context.js';
import type { DoctorFinding, DoctorReport } from '../domain/doctor.js';
import { walkAuditChain } from '../evidence/audit-chain.js';
import { databaseFileOf } from '../store/open-core.js';
import { contentPath, listStored } from '../store/content.js';
import { sha256File } from '../models/hash.js';
import { allRecordingHashes } from '../store/recordings.js';
import fs from 'node:fs';
import { findLeftovers, removeLeftovers } from './sweep.js';

/** Stored files whose bytes do not hash to their name, and recordings whose file is gone. */
async function contentProblems(ctx: CoreContext): Promise<{ findings: DoctorFinding[]; stored: number }> {
  const findings: DoctorFinding[] = [];
  const stored = listStored(ctx.dataDir);
  for (const f of stored) {
    if ((await sha256File(f.path)) !== f.sha256) {
      findings.push({ kind: 'corrupt-audio', path: f.path, objectId: null, fix: null, fixed: false });
    }
  }
  for (const sha of allRecordingHashes(ctx.db)) {
    const p = contentPath(ctx.dataDir, sha);
    if (!fs.existsSync(p)) findings.push({ kind: 'missing-audio', path: p, objectId: sha, fix: null, fixed: false });
  }
  return { findings, stored: stored.length };
}

export async function runDoctor(ctx: CoreContext, opts: { fix: boolean }): Promise<DoctorReport> {
  const integrity = (ctx.db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const auditChain = walkAuditChain(ctx.db);
  const leftovers = findLeftovers(ctx);
  const handled = opts.fix ? removeLeftovers(leftovers) : leftovers;
  const content = await contentProblems(ctx);
  const findings = [...handled, ...content.findings];
  const healthy = integrity.length === 1 && integrity[0] === 'ok' && auditChain.ok && findings.every((f) => f.fixed);
  return {
    dataDir: ctx.dataDir,
    databaseFile: databaseFileOf(ctx),
    integrity,
    auditChain,
    storedFiles: content.stored,
    findings,
    healthy,
  };
}
