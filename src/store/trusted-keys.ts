// Public keys the user trusts to sign evidence packs: this installation's (current and retired) and
// keys imported from others (e.g. the union's). Verification says "signed by a known key" only for these.
import type { TrustedKey } from '../domain/evidence.js';
import type { Db } from './database.js';

interface Row {
  fingerprint: string;
  public_key: string;
  label: string;
  source: 'installation' | 'imported';
  added_at: string;
  retired_at: string | null;
}

const keyOf = (r: Row): TrustedKey => ({ fingerprint: r.fingerprint, publicKeyPem: r.public_key, label: r.label, source: r.source, addedAt: r.added_at, retiredAt: r.retired_at });

/** Every trusted key, installation keys first, then by when they were added. */
export function listTrustedKeys(db: Db): TrustedKey[] {
  return (db.prepare("SELECT * FROM trusted_keys ORDER BY source = 'imported', added_at, fingerprint").all() as Row[]).map(keyOf);
}

export function getTrustedKey(db: Db, fingerprint: string): TrustedKey | null {
  const r = db.prepare('SELECT * FROM trusted_keys WHERE fingerprint = ?').get(fingerprint) as Row | undefined;
  return r ? keyOf(r) : null;
}

/** Adds a key unless it is already there; returns whether it was added. */
export function addTrustedKey(db: Db, k: Omit<TrustedKey, 'retiredAt'>): boolean {
  return db.prepare('INSERT OR IGNORE INTO trusted_keys (fingerprint, public_key, label, source, added_at) VALUES (?, ?, ?, ?, ?)').run(k.fingerprint, k.publicKeyPem, k.label, k.source, k.addedAt).changes === 1;
}

/** Marks a key retired (it still verifies old packs; it signs nothing new). */
export function retireTrustedKey(db: Db, fingerprint: string, at: string): void {
  db.prepare('UPDATE trusted_keys SET retired_at = ? WHERE fingerprint = ? AND retired_at IS NULL').run(at, fingerprint);
}

/** Removes an imported key; installation keys stay (their packs must keep verifying). */
export function removeImportedKey(db: Db, fingerprint: string): boolean {
  return db.prepare("DELETE FROM trusted_keys WHERE fingerprint = ? AND source = 'imported'").run(fingerprint).changes === 1;
}
