// Test helpers that rewrite a pack's ZIP: re-pack its entries with one added or removed, rename an entry.
import fs from 'node:fs';
import { listZip, readEntry } from '../../../src/evidence/zip/read.js';
import { digestEntry, writeZip } from '../../../src/evidence/zip/write.js';
import type { ZipEntry } from '../../../src/evidence/zip/write.js';

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
