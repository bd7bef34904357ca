// Reads a ZIP in any ordinary layout (stored or deflated entries, data descriptors, extra fields,
// comments, directory entries), as a re-packed pack may be. Encrypted entries, ZIP64 and other
// compression methods are refused with the reason. Used only when the strict reader says the file
// is not in Seimon's own layout.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { PackReadError } from './source.js';
import type { PackMember } from './source.js';

const END_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_INFLATED = 4 * 1024 * 1024 * 1024 - 1;

export interface AnyZipEntry extends PackMember {
  method: number;
  compressedSize: number;
  localOffset: number;
  crc32: number;
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  if (fs.readSync(fd, b, 0, len, pos) !== len) throw new PackReadError(null, 'the ZIP file is truncated');
  return b;
}

function findEnd(fd: number, size: number): Buffer {
  const tail = Math.min(size, 22 + 0xffff);
  const b = readAt(fd, size - tail, tail);
  for (let i = tail - 22; i >= 0; i--) if (b.readUInt32LE(i) === END_SIG) return b.subarray(i, i + 22);
  throw new PackReadError(null, 'not a ZIP file (no end-of-directory record)');
}

/** Lists the file entries of any ordinary ZIP (directory entries skipped). */
export function listAnyZip(fd: number): AnyZipEntry[] {
  const size = fs.fstatSync(fd).size;
  if (size < 22) throw new PackReadError(null, 'not a ZIP file');
  const end = findEnd(fd, size);
  const count = end.readUInt16LE(10);
  const cdSize = end.readUInt32LE(12);
  const cdOffset = end.readUInt32LE(16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new PackReadError(null, 'ZIP64 archives are not supported');
  if (cdOffset + cdSize > size) throw new PackReadError(null, 'the central directory lies outside the file');
  const cd = readAt(fd, cdOffset, cdSize);
  const out: AnyZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_SIG) throw new PackReadError(null, `central directory entry ${i + 1} is damaged`);
    const q = p;
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    const raw = cd.subarray(p + 46, p + 46 + nameLen);
    const name = flags & 0x0800 ? raw.toString('utf8') : raw.toString('latin1');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 0x0001) throw new PackReadError(name, 'the entry is encrypted');
    if (method !== 0 && method !== 8) throw new PackReadError(name, `unsupported compression method ${method}`);
    out.push({
      name,
      method,
      crc32: cd.readUInt32LE(q + 16),
      compressedSize: cd.readUInt32LE(q + 20),
      size: cd.readUInt32LE(q + 24),
      localOffset: cd.readUInt32LE(q + 42),
    });
  }
  return out;
}

/** An entry's uncompressed bytes, checked against its CRC-32 and size. */
export function readAnyEntry(fd: number, e: AnyZipEntry): Buffer {
  const local = readAt(fd, e.localOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIG) throw new PackReadError(e.name, 'local header is damaged');
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const stored = e.compressedSize === 0 ? Buffer.alloc(0) : readAt(fd, start, e.compressedSize);
  let data: Buffer;
  try {
    data = e.method === 0 ? stored : inflateRawSync(stored, { maxOutputLength: Math.min(MAX_INFLATED, Math.max(1, e.size)) });
  } catch {
    throw new PackReadError(e.name, 'compressed data is damaged');
  }
  if (data.length !== e.size) throw new PackReadError(e.name, 'size differs from the ZIP directory');
  if (crc32(data) >>> 0 !== e.crc32 >>> 0) throw new PackReadError(e.name, `CRC mismatch in ${e.name}`);
  return data;
}

/** SHA-256 of an entry's uncompressed bytes. */
export function hashAnyEntry(fd: number, e: AnyZipEntry): string {
  return createHash('sha256').update(readAnyEntry(fd, e)).digest('hex');
}
