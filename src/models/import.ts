import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import { SeimonError } from '../core/errors.js';
import type { AcceptedModel, ModelOrigin } from './accept.js';
import { acceptModelFile } from './accept.js';
import { copyWithHash } from './copy-hash.js';
import { removeQuietly, tempModelPath } from './paths.js';

export interface ImportOptions {
  preset?: string | undefined;
  displayName?: string | undefined;
  /** Checked against the copied bytes when known (bundled manifests, catalog entries). */
  expectedSha256?: string | null | undefined;
  /** Everything else the origin may say (id, licence, window, bundled, audit action). */
  origin?: Partial<ModelOrigin>;
}

/**
 * Imports a local `.onnx` file: copies it into the models folder under a temporary name while hashing,
 * inspects the copy, then registers it as `<sha256>.onnx`. A refused file leaves nothing behind.
 */
export async function importModelFile(
  ctx: CoreContext,
  file: string,
  opts: ImportOptions = {},
): Promise<AcceptedModel> {
  const source = path.resolve(file);
  const stat = fs.statSync(source, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new SeimonError('MODEL_FILE_NOT_FOUND', `No model file at ${source}`);
  if (stat.size === 0)
    throw new SeimonError('MODEL_NOT_ONNX', `${source} is empty, not an ONNX model.`);
  const temp = tempModelPath(ctx.dataDir, 'import');
  try {
    const bytes = await copyWithHash(source, temp);
    checkExpectedHash(bytes.sha256, opts.expectedSha256, source);
    return await acceptModelFile(ctx, temp, bytes, {
      action: 'model.import',
      displayName: opts.displayName ?? path.basename(source, path.extname(source)),
      ...(opts.preset === undefined ? {} : { preset: opts.preset }),
      ...opts.origin,
      audit: { source, ...opts.origin?.audit },
    });
  } finally {
    removeQuietly(temp);
  }
}

/** Refuses bytes whose SHA-256 differs from the one a manifest or catalog promised. */
export function checkExpectedHash(
  actual: string,
  expected: string | null | undefined,
  what: string,
): void {
  if (expected && expected.toLowerCase() !== actual) {
    throw new SeimonError(
      'MODEL_HASH_MISMATCH',
      `${what} has SHA-256 ${actual}, but ${expected.toLowerCase()} was expected; it was not installed.`,
      { expected, actual },
    );
  }
}
