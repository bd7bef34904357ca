// Streams a pack's entries into an open file in the canonical layout (see format.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import { SeimonError } from '../../core/errors.js';
import { forEachChunk } from '../hash.js';
import { centralHeader, endRecord, localHeader, MAX_ENTRIES, MAX_U32 } from './format.js';
import type { EntryHeader } from './format.js';

/** One file of a pack: bytes in memory or a file on disk (read twice: to hash, then to copy). */
export interface ZipEntry {
  name: string;
  source: Uint8Array | { file: string };
}

/** What was learned about an entry's bytes: its SHA-256, size and CRC-32. */
export interface Digest {
  sha256: string;
  size: number;
  crc32: number;
}

/** Hashes an entry's bytes (SHA-256 for the manifest, CRC-32 for the ZIP headers). */
export function digestEntry(e: ZipEntry): Digest {
  const h = createHash('sha256');
  let crc = 0;
  let size = 0;
  const take = (c: Uint8Array) => {
    h.update(c);
    crc = crc32(c, crc);
    size += c.byteLength;
  };
  if (e.source instanceof Uint8Array) take(e.source);
  else forEachChunk(e.source.file, take);
  return { sha256: h.digest('hex'), size, crc32: crc };
}

/**
 * Writes entries to `fd` (positioned at 0) with their precomputed digests. A source file whose bytes
 * changed since it was hashed aborts the write. `afterEntry` lets callers observe progress.
 */
export function writeZip(fd: number, entries: readonly { entry: ZipEntry; digest: Digest }[], afterEntry?: (name: string) => void): void {
  if (entries.length > MAX_ENTRIES) throw new SeimonError('EVIDENCE_TOO_LARGE', 'Too many files for one pack.');
  let offset = 0;
  const write = (b: Uint8Array) => {
    fs.writeSync(fd, b);
    offset += b.byteLength;
  };
  const central: Buffer[] = [];
  for (const { entry, digest } of entries) {
    const header: EntryHeader = { name: Buffer.from(entry.name, 'utf8'), crc32: digest.crc32, size: digest.size };
    if (offset + digest.size + 30 + header.name.length > MAX_U32) throw new SeimonError('EVIDENCE_TOO_LARGE', 'The pack would exceed 4 GiB.');
    central.push(centralHeader(header, offset));
    write(localHeader(header));
    if (entry.source instanceof Uint8Array) write(entry.source);
    else {
      const h = createHash('sha256');
      forEachChunk(entry.source.file, (c) => {
        h.update(c);
        write(c);
      });
      if (h.digest('hex') !== digest.sha256)
        throw new SeimonError('EVIDENCE_SOURCE_CHANGED', `${entry.name} changed while the pack was being written.`);
    }
    afterEntry?.(entry.name);
  }
  const cdOffset = offset;
  for (const c of central) write(c);
  write(endRecord(entries.length, offset - cdOffset, cdOffset));
}
