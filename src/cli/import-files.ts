import fs from 'node:fs';
import path from 'node:path';
import type { Recording } from '../api/contract.js';
import type { CliIo } from './io.js';
import { CliFailure } from './io.js';
import { exitCodeFor } from './exit-codes.js';

export interface ImportedFile {
  file: string;
  id: string;
  sha256: string;
  duplicate: boolean;
  weakReasons: string[] | null;
}

export interface BatchOutcome {
  imported: ImportedFile[];
  failed: { file: string; code: string; message: string }[];
}

/**
 * Imports files one by one through an operation; a file that fails is reported on stderr with its
 * code and the batch goes on.
 */
export async function importBatch(
  io: CliIo,
  files: readonly string[],
  importOne: (name: string, bytes: Uint8Array<ArrayBuffer>) => Promise<{ recording: Recording; duplicate: boolean }>,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { imported: [], failed: [] };
  for (const file of files) {
    try {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        const buf = fs.readFileSync(file); // a view, not a copy: a long recording is held once
        bytes = new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.length);
      } catch (e) {
        throw new CliFailure(2, 'AUDIO_CANNOT_READ', `cannot read the file: ${(e as Error).message}`);
      }
      const r = await importOne(path.basename(file), bytes);
      out.imported.push({ file, id: r.recording.id, sha256: r.recording.sha256, duplicate: r.duplicate, weakReasons: r.recording.weakReasons });
    } catch (e) {
      if (!(e instanceof CliFailure)) throw e;
      io.stderr(`error ${e.code}: ${file}: ${e.message}\n`);
      out.failed.push({ file, code: e.code, message: e.message });
    }
  }
  return out;
}

/**
 * Exits non-zero when any file given could not be imported (each was reported on stderr as it failed):
 * 1 when any failed for a reason outside the file (locked database, disk full, ...), else 2.
 */
export function failIfAnyNotImported(files: readonly string[], r: BatchOutcome): void {
  if (r.failed.length === 0) return;
  const exit = r.failed.some((f) => exitCodeFor(f.code) === 1) ? 1 : 2;
  const first = r.failed[0]!;
  const what = r.imported.length === 0 ? 'none of the files could be imported' : `${r.failed.length} of ${files.length} files were not imported`;
  throw new CliFailure(exit, first.code, `${what}: ${r.failed.map((f) => `${f.file} (${f.code})`).join(', ')}`);
}
