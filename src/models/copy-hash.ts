import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { rethrowDiskFull } from '../core/disk-full.js';
import { pipeline } from 'node:stream/promises';

/** Copies a file and hashes the bytes in the same pass; returns SHA-256 and size of what was written. */
export async function copyWithHash(
  from: string,
  to: string,
): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(
    fs.createReadStream(from, { highWaterMark: 1 << 20 }),
    tap,
    fs.createWriteStream(to, { flags: 'wx' }),
  ).catch((e: unknown) => rethrowDiskFull(e, `the copy of ${from}`));
  return { sha256: hash.digest('hex'), sizeBytes };
}
