import fs from 'node:fs';
import path from 'node:path';
import type { Recording } from '../api/contract.js';
import type { CliIo } from './io.js';
import { CliFailure } from './io.js';

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
        bytes = new Uint8Array(fs.readFileSync(file));
      } catch (e) {
        throw new CliFailure(1, 'NOT_FOUND', `cannot read the file: ${(e as Error).message}`);
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

/** Exit 1 when files were given and not one could be imported. */
export function failIfNothingImported(files: readonly string[], r: BatchOutcome): void {
  if (files.length > 0 && r.imported.length === 0) {
    throw new CliFailure(1, r.failed[0]?.code ?? 'INTERNAL', 'none of the files could be imported');
  }
}
