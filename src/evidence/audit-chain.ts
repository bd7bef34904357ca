// Walks the audit log's hash chain and says exactly where and how it breaks: `seimon audit verify`.
import type { AuditVerification } from '../domain/cases.js';
import type { Db } from '../store/database.js';
import { hashAuditEntry, listAudit } from '../store/audit.js';
import type { AuditEntry } from '../store/audit.js';

const GENESIS = '0'.repeat(64);

export type ChainReport = AuditVerification;

/** Checks one entry against the hash before it; returns what is wrong, or null. */
export function entryProblem(e: AuditEntry, prevHash: string): string | null {
  if (e.prevHash !== prevHash) return 'its link to the previous entry does not match (an entry before it was removed, inserted or changed)';
  if (hashAuditEntry(e) !== e.hash) return 'its contents do not match its hash (the entry was changed)';
  return null;
}

/** Verifies the whole chain, including that no entry was cut off the end (SQLite's sequence counter). */
export function walkAuditChain(db: Db): ChainReport {
  const entries = listAudit(db);
  let prev = GENESIS;
  for (const e of entries) {
    const why = entryProblem(e, prev);
    if (why) return { ok: false, count: entries.length, brokenAt: e.seq, action: e.action, at: e.at, reason: why };
    prev = e.hash;
  }
  const last = entries[entries.length - 1];
  const seqRow = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
  if (seqRow && seqRow.seq > (last?.seq ?? 0)) {
    return { ok: false, count: entries.length, brokenAt: (last?.seq ?? 0) + 1, action: '(missing)', at: '', reason: `entries ${(last?.seq ?? 0) + 1}..${seqRow.seq} were removed from the end of the log` };
  }
  return { ok: true, count: entries.length, headSeq: last?.seq ?? null, headHash: last?.hash ?? null };
}

/** Entries that concern any of these object ids (the chain segment an evidence pack carries). */
export function entriesFor(db: Db, objectIds: ReadonlySet<string>): AuditEntry[] {
  return listAudit(db).filter((e) => {
    if (e.objectId && objectIds.has(e.objectId)) return true;
    const d = e.details;
    // Entries about another object that name one of ours (e.g. a clip import names its suspect).
    return typeof d.ownerId === 'string' && objectIds.has(d.ownerId);
  });
}
