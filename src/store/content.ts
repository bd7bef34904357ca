// The content store: audio files live under <dataDir>/audio/<aa>/<sha256>, named by their bytes, so a
// stored file can never drift from the hash the database and the audit log recorded for it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  /** Absolute path of the stored copy. */
  path: string;
  /** False when identical bytes were already stored (nothing new was written). */
  created: boolean;
}

/** Root of the content store inside a data folder. */
export function audioDir(dataDir: string): string {
  return path.join(dataDir, 'audio');
}

/** Where the bytes with this SHA-256 are (or would be) stored. */
export function contentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
  return path.join(audioDir(dataDir), sha256.slice(0, 2), sha256);
}

/**
 * Writes bytes into the store: a temporary file in the store (same filesystem), fsync'd, then renamed
 * into place, so a crash leaves either no file or a complete one. Idempotent for duplicates.
 */
export function putBytes(dataDir: string, bytes: Uint8Array): StoredFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const final = contentPath(dataDir, sha256);
  if (fs.existsSync(final)) return { sha256, sizeBytes: bytes.byteLength, path: final, created: false };
  fs.mkdirSync(path.dirname(final), { recursive: true });
  const temp = path.join(audioDir(dataDir), `.import-${randomBytes(8).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, final);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { sha256, sizeBytes: bytes.byteLength, path: final, created: true };
}

/** Removes a stored file (used when an import is refused, or no recording names it any more). */
export function removeStored(dataDir: string, sha256: string): void {
  fs.rmSync(contentPath(dataDir, sha256), { force: true });
}

/** Leftover temporary files from an interrupted import (safe to delete when no import runs). */
export function strayTempFiles(dataDir: string): string[] {
  const dir = audioDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.startsWith('.import-')).map((f) => path.join(dir, f));
}
