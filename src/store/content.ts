// The content store: audio files live under <dataDir>/audio/<aa>/<sha256>, named by their bytes, so a
// stored file can never drift from the hash the database and the audit log recorded for it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rethrowDiskFull } from '../core/disk-full.js';

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
  if (fs.existsSync(final)) {
    // Fresh mtime: the orphan sweep leaves recently written files alone while their row is being added.
    const now = new Date();
    fs.utimesSync(final, now, now);
    return { sha256, sizeBytes: bytes.byteLength, path: final, created: false };
  }
  fs.mkdirSync(path.dirname(final), { recursive: true });
  // The writer's pid is in the name, so a sweep can tell a dead writer's leftovers from a live one's.
  const temp = path.join(audioDir(dataDir), `${TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
  try {
    try {
      const fd = fs.openSync(temp, 'wx');
      try {
        fs.writeSync(fd, bytes);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, final);
    } catch (e) {
      rethrowDiskFull(e, 'the audio file');
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
  return { sha256, sizeBytes: bytes.byteLength, path: final, created: true };
}

/**
 * Marks bytes as being imported by this process until `release` is called: the orphan sweep of
 * another process leaves a stored file alone while a live importer still holds its mark.
 */
export function holdPending(dataDir: string, sha256: string): { release: () => void } {
  fs.mkdirSync(audioDir(dataDir), { recursive: true });
  const mark = path.join(audioDir(dataDir), `${PENDING_PREFIX}${process.pid}-${sha256}`);
  fs.writeFileSync(mark, '');
  return { release: () => fs.rmSync(mark, { force: true }) };
}

const PENDING_PREFIX = '.pending-';

/** Pending marks: which process holds which hash (see holdPending). */
export function pendingMarks(dataDir: string): { path: string; pid: number; sha256: string }[] {
  const dir = audioDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: { path: string; pid: number; sha256: string }[] = [];
  for (const f of fs.readdirSync(dir)) {
    const m = /^\.pending-(\d+)-([0-9a-f]{64})$/.exec(f);
    if (m) out.push({ path: path.join(dir, f), pid: Number(m[1]), sha256: m[2]! });
  }
  return out;
}

/** The SHA-256 of bytes (the name they would be stored under). */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Removes a stored file (used when an import is refused, or no recording names it any more). */
export function removeStored(dataDir: string, sha256: string): void {
  fs.rmSync(contentPath(dataDir, sha256), { force: true });
}

const TEMP_PREFIX = '.import-';

/** Leftover temporary files from an interrupted import (safe to delete when no import runs). */
export function strayTempFiles(dataDir: string): string[] {
  const dir = audioDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.startsWith(TEMP_PREFIX)).map((f) => path.join(dir, f));
}

/** The pid that wrote a temporary file, when its name says (older names carry none). */
export function tempFileWriter(file: string): number | null {
  const pid = Number(/^\.import-(\d+)-/.exec(path.basename(file))?.[1]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** One file of the content store: its name (the SHA-256 it claims) and when it was last written. */
export interface StoredEntry {
  sha256: string;
  path: string;
  mtimeMs: number;
}

/** Every file in the content store, by the hash in its name. */
export function listStored(dataDir: string): StoredEntry[] {
  const root = audioDir(dataDir);
  if (!fs.existsSync(root)) return [];
  const out: StoredEntry[] = [];
  for (const sub of fs.readdirSync(root, { withFileTypes: true })) {
    if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
    for (const f of fs.readdirSync(path.join(root, sub.name))) {
      if (!/^[0-9a-f]{64}$/.test(f) || !f.startsWith(sub.name)) continue;
      const p = path.join(root, sub.name, f);
      out.push({ sha256: f, path: p, mtimeMs: fs.statSync(p).mtimeMs });
    }
  }
  return out;
}
