// What an interrupted process leaves behind in a data folder, found without guessing: stored audio no
// recording names (unless a live importer holds it), temporary files of dead writers, and half-written
// evidence packs of dead exports. Run at every start and by `seimon doctor`.
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import type { DoctorFinding } from '../domain/doctor.js';
import { processAlive } from '../core/process-alive.js';
import { listStored, pendingMarks, strayTempFiles, tempFileWriter } from '../store/content.js';
import { allRecordingHashes } from '../store/recordings.js';
import { PARTIAL_PREFIX, strayPartials } from '../evidence/pack/export.js';

/** Hashes a live process is importing right now (their files may not have a row yet). */
function liveHeld(dataDir: string): Set<string> {
  const held = new Set<string>();
  for (const m of pendingMarks(dataDir)) {
    if (m.pid !== process.pid && processAlive(m.pid)) held.add(m.sha256);
  }
  return held;
}

/** Leftovers that are safe to remove now: nothing live refers to them. */
export function findLeftovers(ctx: CoreContext): DoctorFinding[] {
  const named = new Set(allRecordingHashes(ctx.db));
  const held = liveHeld(ctx.dataDir);
  const out: DoctorFinding[] = [];
  for (const f of listStored(ctx.dataDir)) {
    if (named.has(f.sha256) || held.has(f.sha256)) continue;
    out.push({ kind: 'orphan-audio', path: f.path, objectId: null, fix: 'delete the file (no recording names it)', fixed: false });
  }
  for (const t of strayTempFiles(ctx.dataDir)) {
    const pid = tempFileWriter(t);
    if (pid !== null && (pid === process.pid || processAlive(pid))) continue;
    out.push({ kind: 'stray-temp', path: t, objectId: null, fix: 'delete the temporary file (its writer is gone)', fixed: false });
  }
  for (const m of pendingMarks(ctx.dataDir)) {
    if (m.pid === process.pid || processAlive(m.pid)) continue;
    out.push({ kind: 'stray-temp', path: m.path, objectId: null, fix: 'delete the import mark (its importer is gone)', fixed: false });
  }
  for (const p of strayPartials(path.join(ctx.dataDir, 'exports'))) {
    const pid = Number(new RegExp(`^\\${PARTIAL_PREFIX}(\\d+)-`).exec(path.basename(p))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    out.push({ kind: 'partial-export', path: p, objectId: null, fix: 'delete the half-written pack (its export was killed)', fixed: false });
  }
  return out;
}

/** Removes the leftovers found; each finding says whether it was removed. */
export function removeLeftovers(findings: readonly DoctorFinding[]): DoctorFinding[] {
  return findings.map((f) => {
    if (f.fix === null || f.path === null) return f;
    try {
      fs.rmSync(f.path, { force: true });
      return { ...f, fixed: true };
    } catch {
      return f;
    }
  });
}

/** The sweep a process runs when it opens a data folder. */
export function sweepLeftovers(ctx: CoreContext): DoctorFinding[] {
  return removeLeftovers(findLeftovers(ctx));
}
