import { createHash } from 'node:crypto';
import type { Db } from './database.js';

export interface AuditEntryInput {
  actor: string;
  action: string;
  objectType?: string;
  objectId?: string;
  details?: Record<string, unknown>;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'objectType' | 'objectId'>> {
  seq: number;
  at: string;
  objectType: string | null;
  objectId: string | null;
  prevHash: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

/** The hash of an entry covers the previous entry's hash, so any edit breaks the chain after it. */
export function hashAuditEntry(e: Omit<AuditEntry, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([
    e.prevHash,
    e.at,
    e.actor,
    e.action,
    e.objectType,
    e.objectId,
    e.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry to the audit log; call inside the transaction that made the change. */
export function appendAudit(db: Db, input: AuditEntryInput, now = new Date()): AuditEntry {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { hash: string }
    | undefined;
  const base = {
    at: now.toISOString(),
    actor: input.actor,
    action: input.action,
    objectType: input.objectType ?? null,
    objectId: input.objectId ?? null,
    details: input.details ?? {},
    prevHash: last?.hash ?? GENESIS,
  };
  const hash = hashAuditEntry(base);
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, object_type, object_id, details, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      base.at,
      base.actor,
      base.action,
      base.objectType,
      base.objectId,
      JSON.stringify(base.details),
      base.prevHash,
      hash,
    );
  return { ...base, seq: Number(info.lastInsertRowid), hash };
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** Lists audit entries, oldest first. */
export function listAudit(db: Db, opts: { objectId?: string } = {}): AuditEntry[] {
  const rows = (
    opts.objectId
      ? db.prepare('SELECT * FROM audit_log WHERE object_id = ? ORDER BY seq').all(opts.objectId)
      : db.prepare('SELECT * FROM audit_log ORDER BY seq').all()
  ) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Walks the chain; returns the seq of the first entry whose hash or link is wrong, or null. */
export function verifyAuditChain(db: Db): { ok: true; count: number } | { ok: false; brokenAt: number } {
  let prev = GENESIS;
  const entries = listAudit(db);
  for (const e of entries) {
    if (e.prevHash !== prev || hashAuditEntry(e) !== e.hash) return { ok: false, brokenAt: e.seq };
    prev = e.hash;
  }
  return { ok: true, count: entries.length };
}
