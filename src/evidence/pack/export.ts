// `seimon evidence export`: builds the pack, writes it under a temporary name in the destination
// folder, fsyncs, records it (with the pack's SHA-256) in the audit log, then renames it into place.
// A crash at any point leaves no file under the final name unless the whole pack is there.
import { processAlive } from '../../core/process-alive.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../core/context.js';
import type { EvidenceExport } from '../../domain/cases.js';
import { caseDetail } from '../../cases/cases.js';
import { SeimonError } from '../../core/errors.js';
import { appendAudit } from '../../store/audit.js';
import { insertExport } from '../../store/cases.js';
import { sha256OfFile } from '../hash.js';
import { installationKey } from '../installation-key.js';
import type { Lang } from '../report/strings.js';
import { writeZip } from '../zip/write.js';
import { buildPack } from './build.js';
import { collectEvidence } from './collect.js';

export interface ExportOptions {
  caseId: string;
  /** Absolute path of the pack to write; must not exist yet. */
  out: string;
  lang: Lang;
  includeReferenceAudio: boolean;
  /** Called after each entry is written (progress; tests use it to crash mid-write). */
  afterEntry?: (name: string) => void;
}

/** Prefix of the temporary files exports write next to their destination. */
export const PARTIAL_PREFIX = '.seimon-export-';

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // not supported on every platform (Windows); the rename itself is still atomic
  }
}

/** Writes a case's evidence pack; returns what was recorded. */
export async function exportEvidencePack(ctx: CoreContext, o: ExportOptions): Promise<EvidenceExport & { path: string; files: number }> {
  const out = path.resolve(o.out);
  const dir = path.dirname(out);
  if (fs.existsSync(out)) throw new SeimonError('EVIDENCE_EXISTS', `${out} already exists; choose another name.`);
  if (!fs.existsSync(dir)) throw new SeimonError('EVIDENCE_NO_FOLDER', `The folder ${dir} does not exist.`);
  const c = caseDetail(ctx, o.caseId);
  const key = installationKey(ctx);
  const ev = await collectEvidence(ctx, c, o.lang);
  const createdAt = new Date();
  const pack = await buildPack(ctx, ev, { lang: o.lang, includeReferenceAudio: o.includeReferenceAudio, createdAt, key });
  removeDeadPartials(dir);
  // The writer's pid is in the name, so a later export can tell a dead writer's leftovers from a live one.
  const temp = path.join(dir, `${PARTIAL_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.partial`);
  try {
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      writeZip(fd, pack.entries, o.afterEntry);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const sha256 = sha256OfFile(temp);
    const sizeBytes = fs.statSync(temp).size;
    const record = ctx.db.transaction(() => {
      const e = insertExport(ctx.db, c.id, {
        fileName: path.basename(out),
        sha256,
        sizeBytes,
        manifestSha256: pack.manifestSha256,
        lang: o.lang,
        withReferenceAudio: o.includeReferenceAudio,
      });
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'evidence.export',
        objectType: 'case',
        objectId: c.id,
        details: { exportId: e.id, fileName: e.fileName, sha256, sizeBytes, manifestSha256: pack.manifestSha256, files: pack.manifest.files.length, includeReferenceAudio: o.includeReferenceAudio, lang: o.lang, signingKey: key.fingerprint },
      });
      return e;
    })();
    if (fs.existsSync(out)) throw new SeimonError('EVIDENCE_EXISTS', `${out} appeared while the pack was written; the pack was not moved there.`);
    fs.renameSync(temp, out);
    fsyncDir(dir);
    return { ...record, path: out, files: pack.manifest.files.length };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Deletes temporary files whose writing process no longer runs (an export killed part-way). */
export function removeDeadPartials(dir: string): string[] {
  const removed: string[] = [];
  for (const file of strayPartials(dir)) {
    const pid = Number(/^\.seimon-export-(\d+)-/.exec(path.basename(file))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    fs.rmSync(file, { force: true });
    removed.push(file);
  }
  return removed;
}


/** Temporary files left by exports that were killed (safe to delete when no export runs). */
export function strayPartials(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.startsWith(PARTIAL_PREFIX)).map((f) => path.join(dir, f));
}
