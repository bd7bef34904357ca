// `seimon verify`: needs only the pack. Structure first (every byte accounted for, safe names), then
// the signature over manifest.json, then every file against the manifest, in manifest order.
import fs from 'node:fs';
import { checkSignature } from './signature.js';
import { MANIFEST_NAME, PACK_FORMAT, SIGNATURE_NAME } from './pack/manifest.js';
import type { ManifestFile } from './pack/manifest.js';
import { firstDuplicate, unsafeNameReason } from './zip/names.js';
import { PackFormatError, hashEntry, listZip, readEntry } from './zip/read.js';
import type { ZipListing } from './zip/read.js';

export type VerifyResult =
  | { ok: true; files: number; fingerprint: string; caseId: string; createdAt: string }
  /** `file` names the first file at fault when there is one. */
  | { ok: false; reason: string; file: string | null };

const fail = (reason: string, file: string | null = null): VerifyResult => ({ ok: false, reason, file });

function parseManifest(bytes: Buffer): { files: ManifestFile[]; caseId: string; createdAt: string } | string {
  let m: { format?: unknown; files?: unknown; case?: { id?: unknown }; createdAt?: unknown };
  try {
    m = JSON.parse(bytes.toString('utf8')) as typeof m;
  } catch {
    return 'manifest.json is not readable JSON';
  }
  if (m.format !== PACK_FORMAT || !Array.isArray(m.files)) return 'manifest.json is not a Seimon evidence manifest';
  const files = m.files as ManifestFile[];
  const okEntry = (f: ManifestFile) => typeof f?.path === 'string' && /^[0-9a-f]{64}$/.test(f.sha256) && Number.isSafeInteger(f.size);
  if (!files.every(okEntry)) return 'manifest.json lists a malformed file entry';
  return { files, caseId: String(m.case?.id ?? ''), createdAt: String(m.createdAt ?? '') };
}

function verifyOpen(fd: number): VerifyResult {
  let entries: ZipListing[];
  try {
    entries = listZip(fd);
  } catch (e) {
    if (e instanceof PackFormatError) return fail(`not an intact evidence pack: ${e.message}`);
    throw e;
  }
  for (const e of entries) {
    const why = unsafeNameReason(e.name);
    if (why) return fail(`refused: unsafe entry name (${why})`, e.name);
  }
  const dup = firstDuplicate(entries.map((e) => e.name));
  if (dup) return fail('refused: duplicate entry name', dup);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST_NAME);
  const signatureEntry = byName.get(SIGNATURE_NAME);
  if (!manifestEntry) return fail('missing manifest.json', MANIFEST_NAME);
  if (!signatureEntry) return fail('bad signature: signature.json is missing', SIGNATURE_NAME);
  const manifest = readEntry(fd, manifestEntry);
  const sig = checkSignature(readEntry(fd, signatureEntry), manifest);
  if (!sig.ok) return fail(`bad signature: ${sig.reason}`, SIGNATURE_NAME);
  const parsed = parseManifest(manifest);
  if (typeof parsed === 'string') return fail(parsed, MANIFEST_NAME);
  const listed = new Set(parsed.files.map((f) => f.path));
  for (const e of entries) {
    if (e.name !== MANIFEST_NAME && e.name !== SIGNATURE_NAME && !listed.has(e.name)) return fail('file not in the manifest', e.name);
  }
  for (const f of parsed.files) {
    const e = byName.get(f.path);
    if (!e) return fail('file listed in the manifest is missing', f.path);
    if (e.size !== f.size) return fail(`size mismatch (manifest ${f.size}, pack ${e.size})`, f.path);
    let sha: string;
    try {
      sha = hashEntry(fd, e);
    } catch (err) {
      if (err instanceof PackFormatError) return fail(err.message, f.path);
      throw err;
    }
    if (sha !== f.sha256) return fail('SHA-256 mismatch', f.path);
  }
  return { ok: true, files: parsed.files.length, fingerprint: sig.fingerprint, caseId: parsed.caseId, createdAt: parsed.createdAt };
}

/** Verifies an evidence pack file: structure, names, signature and every file's hash. */
export function verifyPack(file: string): VerifyResult {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    return fail(`cannot open the pack: ${(e as Error).message}`);
  }
  try {
    return verifyOpen(fd);
  } finally {
    fs.closeSync(fd);
  }
}
