// Test helpers that rewrite a pack's ZIP: re-pack its entries with one added or removed, rename an entry.
import fs from 'node:fs';
import { listZip, readEntry } from '../../../src/evidence/zip/read.js';
import { digestEntry, writeZip } from '../../../src/evidence/zip/write.js';
import type { ZipEntry } from '../../../src/evidence/zip/write.js';
import { sha256Hex } from '../../../src/evidence/hash.js';
import { sha256sums } from '../../../src/evidence/pack/layout.js';
import { manifestBytes } from '../../../src/evidence/pack/manifest.js';
import type { PackManifest } from '../../../src/evidence/pack/manifest.js';
import { rawSignature, signManifest } from '../../../src/evidence/signature.js';
import type { SigningKey } from '../../../src/evidence/signing-key.js';

/** Every entry of a pack as bytes. */
export function unpack(file: string): ZipEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    return listZip(fd).map((e) => ({ name: e.name, source: readEntry(fd, e) }));
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes entries as a pack in the canonical layout. */
export function repack(file: string, entries: ZipEntry[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    writeZip(fd, entries.map((entry) => ({ entry, digest: digestEntry(entry) })));
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces a same-length byte string everywhere in a file (entry names live in two headers). */
export function patchAll(file: string, from: string, to: string): void {
  const b = fs.readFileSync(file);
  const a = Buffer.from(from);
  const z = Buffer.from(to);
  for (let i = b.indexOf(a); i >= 0; i = b.indexOf(a, i + 1)) z.copy(b, i);
  fs.writeFileSync(file, b);
}

/** Offset of an entry's data in the pack. */
export function dataOffset(file: string, name: string): number {
  const fd = fs.openSync(file, 'r');
  try {
    const e = listZip(fd).find((x) => x.name === name);
    if (!e) throw new Error(`no entry ${name}`);
    return e.dataOffset;
  } finally {
    fs.closeSync(fd);
  }
}

/** Re-signs a pack's entries with another key after `change` edits them, recomputing every hash like a forger would. */
export function forge(
  entries: ZipEntry[],
  key: SigningKey,
  o: { manifestNamesKey: string; change?: (e: ZipEntry[]) => ZipEntry[] },
): ZipEntry[] {
  const bytes = (e: ZipEntry) => Buffer.from(e.source as Uint8Array);
  let es = (o.change ?? ((x) => x))(entries).filter((e) => !['manifest.json', 'signature.json', 'manifest.sig', 'timestamp.tsr'].includes(e.name));
  es = es.map((e) => (e.name === 'signing-key.pem' ? { name: e.name, source: Buffer.from(key.publicKeyPem) } : e));
  const m = JSON.parse(bytes(entries.find((e) => e.name === 'manifest.json')!).toString()) as PackManifest;
  const listed = (xs: ZipEntry[]) => xs.map((e) => ({ path: e.name, sha256: sha256Hex(bytes(e)), size: bytes(e).length }));
  const sums = { name: 'SHA256SUMS', source: sha256sums(listed(es.filter((e) => e.name !== 'SHA256SUMS'))) };
  es = es.map((e) => (e.name === 'SHA256SUMS' ? sums : e));
  m.files = listed(es);
  m.sha256sums = sha256Hex(sums.source);
  m.signingKey = { ...m.signingKey, fingerprint: o.manifestNamesKey, publicKey: key.publicKeyRaw.toString('base64') };
  const mb = manifestBytes(m);
  const raw = rawSignature(mb, key);
  return [
    { name: 'manifest.json', source: mb },
    { name: 'signature.json', source: signManifest(mb, key, raw) },
    { name: 'manifest.sig', source: raw },
    ...es,
  ];
}

/** Replaces every occurrence of one string in a member (same length, e.g. a fingerprint). */
export function replaceIn(e: ZipEntry, from: string, to: string): ZipEntry {
  return { name: e.name, source: Buffer.from(Buffer.from(e.source as Uint8Array).toString('latin1').split(from).join(to), 'latin1') };
}
