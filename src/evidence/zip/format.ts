// The one ZIP layout evidence packs use, fixed so that verification can account for every byte:
// stored (no compression), UTF-8 names, no extra fields, no comments, no data descriptors, one fixed
// DOS timestamp (real times are in manifest.json), entries back to back from offset 0.

export const LOCAL_SIG = 0x04034b50;
export const CENTRAL_SIG = 0x02014b50;
export const END_SIG = 0x06054b50;
export const LOCAL_SIZE = 30;
export const CENTRAL_SIZE = 46;
export const END_SIZE = 22;

export const VERSION_NEEDED = 20;
/** Made by: Unix (3), spec 2.0. */
export const VERSION_MADE_BY = (3 << 8) | 20;
/** General-purpose flag bit 11: names are UTF-8. */
export const FLAGS = 0x0800;
export const METHOD_STORED = 0;
/** 1980-01-01 00:00:00, the DOS epoch. */
export const DOS_TIME = 0;
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Regular file, rw-r--r--. */
export const EXTERNAL_ATTR = (0o100644 << 16) >>> 0;

/** Without ZIP64, sizes and offsets must stay below 4 GiB and entries below 65,535. */
export const MAX_U32 = 0xffffffff;
export const MAX_ENTRIES = 0xffff;

export interface EntryHeader {
  name: Buffer;
  crc32: number;
  size: number;
}

/** The 30-byte local file header plus the name. */
export function localHeader(e: EntryHeader): Buffer {
  const b = Buffer.alloc(LOCAL_SIZE);
  b.writeUInt32LE(LOCAL_SIG, 0);
  b.writeUInt16LE(VERSION_NEEDED, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(METHOD_STORED, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(e.crc32, 14);
  b.writeUInt32LE(e.size, 18);
  b.writeUInt32LE(e.size, 22);
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(0, 28);
  return Buffer.concat([b, e.name]);
}

/** The 46-byte central directory header plus the name. */
export function centralHeader(e: EntryHeader, offset: number): Buffer {
  const b = Buffer.alloc(CENTRAL_SIZE);
  b.writeUInt32LE(CENTRAL_SIG, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(VERSION_NEEDED, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(METHOD_STORED, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(e.crc32, 16);
  b.writeUInt32LE(e.size, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  // extra length, comment length, disk number start, internal attributes: all 0
  b.writeUInt32LE(EXTERNAL_ATTR, 38);
  b.writeUInt32LE(offset, 42);
  return Buffer.concat([b, e.name]);
}

/** The 22-byte end-of-central-directory record, without a comment. */
export function endRecord(count: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(END_SIZE);
  b.writeUInt32LE(END_SIG, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdOffset, 16);
  return b;
}
