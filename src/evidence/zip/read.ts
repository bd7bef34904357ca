// Strict reader for the canonical pack layout (format.ts). Every byte of the file is either a header
// field checked against its constant or its twin, a name, or entry data (checked later by hash), so
// a change anywhere is noticed. Anything else is refused with the reason.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import { CENTRAL_SIG, CENTRAL_SIZE, END_SIG, END_SIZE, centralHeader, localHeader } from './format.js';

/** The pack is not in the canonical layout (or not a ZIP at all). */
export class PackFormatError extends Error {}

export interface ZipListing {
  name: string;
  dataOffset: number;
  size: number;
  crc32: number;
}

const MAX_CENTRAL_BYTES = 16 << 20;

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  const n = fs.readSync(fd, b, 0, len, pos);
  if (n !== len) throw new PackFormatError('truncated file');
  return b;
}

function decodeName(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new PackFormatError('entry name is not valid UTF-8');
  }
}

function parseCentral(cd: Buffer, count: number): { header: Buffer; name: string; crc32: number; size: number; offset: number }[] {
  const out = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_SIZE > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new PackFormatError(`central directory entry ${i + 1} is damaged`);
    const nameLen = cd.readUInt16LE(p + 28);
    const header = cd.subarray(p, p + CENTRAL_SIZE + nameLen);
    const name = decodeName(cd.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLen));
    const crc = cd.readUInt32LE(p + 16);
    const size = cd.readUInt32LE(p + 24);
    const offset = cd.readUInt32LE(p + 42);
    // Rebuilding the header from its variable fields must give back the same bytes: this checks every
    // constant field (versions, flags, method, time, sizes, attributes, no extra or comment) at once.
    const expected = centralHeader({ name: header.subarray(CENTRAL_SIZE), crc32: crc, size }, offset);
    if (!expected.equals(header)) throw new PackFormatError(`central directory entry for ${name} is not in the pack layout`);
    out.push({ header, name, crc32: crc, size, offset });
    p += header.length;
  }
  if (p !== cd.length) throw new PackFormatError('unexpected bytes in the central directory');
  return out;
}

/** Lists a pack's entries after checking its whole structure. */
export function listZip(fd: number): ZipListing[] {
  const size = fs.fstatSync(fd).size;
  if (size < END_SIZE) throw new PackFormatError('not a ZIP file');
  const end = readAt(fd, size - END_SIZE, END_SIZE);
  if (end.readUInt32LE(0) !== END_SIG) throw new PackFormatError('no end-of-directory record at the end of the file');
  const count = end.readUInt16LE(10);
  const cdSize = end.readUInt32LE(12);
  const cdOffset = end.readUInt32LE(16);
  if (end.readUInt16LE(4) !== 0 || end.readUInt16LE(6) !== 0 || end.readUInt16LE(8) !== count || end.readUInt16LE(20) !== 0)
    throw new PackFormatError('end-of-directory record is not in the pack layout');
  if (cdOffset + cdSize !== size - END_SIZE || cdSize > MAX_CENTRAL_BYTES) throw new PackFormatError('central directory is misplaced');
  const entries = parseCentral(readAt(fd, cdOffset, cdSize), count);
  let at = 0;
  const out: ZipListing[] = [];
  for (const e of entries) {
    if (e.offset !== at) throw new PackFormatError(`entry ${e.name} is not where the directory says`);
    const want = localHeader({ name: e.header.subarray(CENTRAL_SIZE), crc32: e.crc32, size: e.size });
    if (!readAt(fd, at, want.length).equals(want)) throw new PackFormatError(`local header of ${e.name} differs from the directory`);
    out.push({ name: e.name, dataOffset: at + want.length, size: e.size, crc32: e.crc32 });
    at += want.length + e.size;
  }
  if (at !== cdOffset) throw new PackFormatError('unexpected bytes between the entries and the directory');
  return out;
}

/** Reads one entry fully (for the small ones: manifest, signature). */
export function readEntry(fd: number, e: ZipListing): Buffer {
  return e.size === 0 ? Buffer.alloc(0) : readAt(fd, e.dataOffset, e.size);
}

/** SHA-256 of an entry's data, streamed; throws when its CRC-32 disagrees with the headers. */
export function hashEntry(fd: number, e: ZipListing): string {
  const h = createHash('sha256');
  let crc = 0;
  const chunk = Buffer.alloc(1 << 20);
  for (let done = 0; done < e.size; ) {
    const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, e.size - done), e.dataOffset + done);
    if (n === 0) throw new PackFormatError('truncated file');
    h.update(chunk.subarray(0, n));
    crc = crc32(chunk.subarray(0, n), crc);
    done += n;
  }
  if (crc >>> 0 !== e.crc32 >>> 0) throw new PackFormatError(`CRC mismatch in ${e.name}`);
  return h.digest('hex');
}
