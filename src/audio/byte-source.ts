import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Random access to bytes, so parsers work the same on a Buffer and on a file too big to load. */
export interface ByteSource {
  readonly size: number;
  /** Returns up to `length` bytes at `offset` (fewer at the end of the source). */
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

/** A ByteSource over bytes already in memory. */
export function bufferSource(buf: Uint8Array): ByteSource {
  return {
    size: buf.length,
    read: (offset, length) =>
      buf.subarray(Math.min(offset, buf.length), Math.min(offset + length, buf.length)),
    close: () => undefined,
  };
}

/** A ByteSource reading a file on demand through one descriptor. */
export function fileSource(path: string): ByteSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let closed = false;
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const out = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
      return out.subarray(0, got);
    },
    close() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}
