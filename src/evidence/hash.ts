import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file in chunks and hands each chunk to `fn` (bounded memory for long recordings). */
export function forEachChunk(file: string, fn: (chunk: Uint8Array) => void, chunkBytes = 1 << 20): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(chunkBytes);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) break;
      fn(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** SHA-256 of a file's bytes, hex, streamed. */
export function sha256OfFile(file: string): string {
  const h = createHash('sha256');
  forEachChunk(file, (c) => h.update(c));
  return h.digest('hex');
}
