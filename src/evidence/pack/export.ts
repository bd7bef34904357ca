// `seimon evidence export`: builds the pack, writes it under a temporary name in the destination
// folder, fsyncs, records it (with the pack's SHA-256) in the audit log, then renames it into place.
// A crash at any point leaves no file under the final name unless the whole pack is there.
import { processAlive } from '../../core/process-alive.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../core/context.js';
import type { EvidenceExport } from '../../domain/cases.js';
import type { PackRedaction } from '../../domain/evidence.js';
import { caseDetail } from '../../cases/cases.js';
import { SeimonError } from '../../core/errors.js';
import { appendAudit } from '../../store/audit.js';
import { insertExport } from '../../store/cases.js';
import { getEvidenceSettings } from '../../store/evidence-settings.js';
import { sha256OfFile } from '../hash.js';
import { installationKey } from '../installation-key.js';
import type { Lang } from '../report/strings.js';
import { writeZip } from '../zip/write.js';
import { requestTimestamp } from '../timestamp/request.js';
import { buildPackBody, finishPack, timestampPlan } from './build.js';
import { collectEvidence } from './collect.js';
import type { ManifestTimestamp } from './manifest.js';
import { RECIPIENT_REDACTION } from './redact.js';

/** Who the pack is for: a recipient (redacted: the default, the only kind letters attach) or internal use. */
export type PackAudience = 'recipient' | 'internal';

export interface ExportOptions {
  caseId: string;
  /** Absolute path of the pack to write; must not exist yet. */
  out: string;
  lang: Lang;
  audience: PackAudience;
  /** Internal packs only: the performers' reference recordings (sensitive). */
  includeReferenceAudio?: boolean;
  /** Internal packs only: other performers' names and scores in the standing tables. */
  includeOtherPerformers?: boolean;
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

/** What a pack of this audience leaves out; recipient packs refuse the internal-only options. */
export function redactionFor(o: Pick<ExportOptions, 'audience' | 'includeReferenceAudio' | 'includeOtherPerformers'>): PackRedaction {
  if (o.audience === 'recipient') {
    if (o.includeReferenceAudio || o.includeOtherPerformers)
      throw new SeimonError('EVIDENCE_REDACTION_CONFLICT', 'A pack for a recipient never includes reference audio or other performers; choose an internal pack for that.');
    return RECIPIENT_REDACTION;
  }
  return { recipient: false, referenceAudio: o.includeReferenceAudio === true, otherPerformers: o.includeOtherPerformers === true, internalNotes: true };
}

/** Asks the TSA for a token over the manifest; offline or refused, the manifest says so instead. */
async function stampedPack(body: Awaited<ReturnType<typeof buildPackBody>>, tsaUrl: string | null, lang: Lang, key: Parameters<typeof finishPack>[2]) {
  const plan: ManifestTimestamp = tsaUrl ? { status: 'obtained', tsa: tsaUrl, note: timestampPlan(tsaUrl, lang) } : { status: 'not-configured', tsa: null, note: timestampPlan(null, lang) };
  const manifest = body.manifestFor(plan);
  if (!tsaUrl) return finishPack(body, manifest, key, null);
  try {
    const token = await requestTimestamp(tsaUrl, finishPack(body, manifest, key, null).entries[0]!.entry.source as Buffer);
    return finishPack(body, manifest, key, token);
  } catch (e) {
    const why = e instanceof Error ? e.message : 'no answer';
    return finishPack(body, body.manifestFor({ status: 'unavailable', tsa: tsaUrl, note: why }), key, null);
  }
}

/** Writes a case's evidence pack; returns what was recorded. */
export async function exportEvidencePack(ctx: CoreContext, o: ExportOptions): Promise<EvidenceExport & { path: string; files: number }> {
  const out = path.resolve(o.out);
  const dir = path.dirname(out);
  if (fs.existsSync(out)) throw new SeimonError('EVIDENCE_EXISTS', `${out} already exists; choose another name.`);
  if (!fs.existsSync(dir)) throw new SeimonError('EVIDENCE_NO_FOLDER', `The folder ${dir} does not exist.`);
  const redaction = redactionFor(o);
  const settings = getEvidenceSettings(ctx.db);
  if (!settings.examiner) throw new SeimonError('EVIDENCE_NO_EXAMINER', 'Enter the examiner\'s name and role in Settings before exporting: every report names who made it and in what capacity.');
  const c = caseDetail(ctx, o.caseId);
  const key = installationKey(ctx);
  const ev = await collectEvidence(ctx, c, o.lang, redaction.otherPerformers);
  const createdAt = new Date();
  const body = await buildPackBody(ctx, ev, { lang: o.lang, redaction, examiner: settings.examiner, tsaUrl: settings.tsaUrl, createdAt, key });
  const pack = await stampedPack(body, settings.tsaUrl, o.lang, key);
  const timestamped = pack.manifest.timestamp.status === 'obtained';
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
        withReferenceAudio: redaction.referenceAudio,
        redacted: redaction.recipient,
        withOtherPerformers: redaction.otherPerformers,
        timestamped,
        signingKey: key.fingerprint,
      });
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'evidence.export',
        objectType: 'case',
        objectId: c.id,
        details: { exportId: e.id, fileName: e.fileName, sha256, sizeBytes, manifestSha256: pack.manifestSha256, files: pack.manifest.files.length, redaction, timestamp: pack.manifest.timestamp, lang: o.lang, signingKey: key.fingerprint },
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
