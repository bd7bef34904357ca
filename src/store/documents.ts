// Case documents (a power of attorney, 委任状) under <dataDir>/documents/<sha256>, named by their bytes,
// written to a temporary file and renamed into place so a crash leaves no half-written copy. Kept apart
// from the audio content store, whose sweep removes files no recording names.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rethrowDiskFull } from '../core/disk-full.js';
import { SeimonError } from '../core/errors.js';

/** Where a document with this SHA-256 is stored. */
export function documentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new SeimonError('INVALID_INPUT', `Not a SHA-256: ${sha256}`);
  return path.join(dataDir, 'documents', sha256);
}

/** Stores a document's bytes (idempotent) and returns its SHA-256. */
export function putDocument(dataDir: string, bytes: Uint8Array): { sha256: string; sizeBytes: number } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const final = documentPath(dataDir, sha256);
  if (fs.existsSync(final)) return { sha256, sizeBytes: bytes.byteLength };
  fs.mkdirSync(path.dirname(final), { recursive: true });
  const temp = `${final}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, final);
  } catch (e) {
    rethrowDiskFull(e, 'the document');
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { sha256, sizeBytes: bytes.byteLength };
}

/** A stored document's bytes, checked against its SHA-256 (EVIDENCE-style refusal when they differ). */
export function readDocument(dataDir: string, sha256: string): Uint8Array {
  const file = documentPath(dataDir, sha256);
  if (!fs.existsSync(file)) throw new SeimonError('NOT_FOUND', `The stored document ${sha256} is missing from ${path.dirname(file)}.`);
  const bytes = fs.readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new SeimonError('LETTER_DOCUMENT_DAMAGED', `The stored document ${sha256} no longer matches its SHA-256.`);
  return new Uint8Array(bytes);
}
