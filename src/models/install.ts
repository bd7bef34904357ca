import { createHash } from 'node:crypto';
import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import { SeimonError } from '../core/errors.js';
import type { AcceptedModel } from './accept.js';
import { acceptModelFile } from './accept.js';
import type { CatalogEntry } from './catalog.js';
import { MODEL_CATALOG } from './catalog.js';
import type { DownloadProgress } from './download.js';
import { downloadResumable } from './download.js';
import { sha256File } from './hash.js';
import { checkExpectedHash } from './import.js';
import { downloadsDir } from './paths.js';
import { discardPartial } from './resume-state.js';

export interface InstallOptions {
  onProgress?: ((p: DownloadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Preset for a URL whose model carries no metadata (catalog entries bring their own). */
  preset?: string | undefined;
  displayName?: string | undefined;
  stallTimeoutMs?: number | undefined;
  /** Overrides the catalog's address (tests, mirrors); the catalog's hash and size still apply. */
  urlOverride?: string | undefined;
  /** Required for a URL install: the SHA-256 the downloaded bytes must have. */
  sha256?: string | undefined;
  /** The catalog to look ids up in (default: the shipped one; tests pass their own pinned entries). */
  catalog?: readonly CatalogEntry[] | undefined;
}

/** What the downloaded bytes must be: from the catalog entry, or from the user for a URL. */
interface Pin {
  sha256: string;
  sizeBytes: number | null;
}

/**
 * Downloads a model from a catalog id or an http(s) URL into the models folder, resuming an earlier
 * partial download, then checks, inspects and registers it. A refused download leaves nothing behind;
 * an interrupted one keeps its `.part` file so the next run resumes.
 */
export async function installModel(
  ctx: CoreContext,
  urlOrCatalogId: string,
  opts: InstallOptions = {},
): Promise<AcceptedModel> {
  const catalog = opts.catalog ?? MODEL_CATALOG;
  const entry = catalog.find((e) => e.id === urlOrCatalogId);
  const url = opts.urlOverride ?? entry?.url ?? checkUrl(urlOrCatalogId, catalog);
  const pin: Pin = entry
    ? { sha256: entry.sha256, sizeBytes: entry.sizeBytes }
    : { sha256: checkSha256Option(opts.sha256), sizeBytes: null };
  const part = partFileFor(ctx.dataDir, url);
  const got = await downloadResumable(url, part, {
    onProgress: opts.onProgress,
    signal: opts.signal,
    stallTimeoutMs: opts.stallTimeoutMs,
    expectedSize: pin.sizeBytes,
  });
  try {
    if (pin.sizeBytes !== null && got.sizeBytes !== pin.sizeBytes) {
      throw new SeimonError(
        'MODEL_DOWNLOAD_SIZE_MISMATCH',
        `The download has ${got.sizeBytes} bytes; the catalog pins ${pin.sizeBytes}. It was not installed.`,
      );
    }
    const sha256 = await sha256File(part);
    checkExpectedHash(sha256, pin.sha256, `The download from ${new URL(url).host}`);
    return await acceptModelFile(
      ctx,
      part,
      { sha256, sizeBytes: got.sizeBytes },
      originOf(url, got.finalUrl, entry, opts),
    );
  } finally {
    discardPartial(part); // accepted (renamed away) or refused: either way the part is spent
  }
}

function originOf(
  url: string,
  finalUrl: string,
  entry: CatalogEntry | undefined,
  opts: InstallOptions,
) {
  const preset = opts.preset ?? entry?.preset;
  return {
    action: 'model.install',
    displayName:
      opts.displayName ??
      entry?.displayName ??
      decodeURIComponent(path.posix.basename(new URL(url).pathname)),
    ...(entry ? { id: entry.id, licence: entry.licence, language: entry.language } : {}),
    ...(preset === undefined ? {} : { preset }),
    sourceUrl: url,
    audit: { url, finalUrl, catalogId: entry?.id ?? null },
  };
}

/** Checks a URL install before anything is fetched: an http(s) address and the SHA-256 the bytes must have. */
export function checkUrlInstall(url: string, sha256: string | undefined): { url: string; sha256: string } {
  return { url: checkUrl(url, MODEL_CATALOG), sha256: checkSha256Option(sha256) };
}

/** A URL install names the bytes it expects: without a SHA-256 anything that loads would be accepted. */
function checkSha256Option(sha256: string | undefined): string {
  if (sha256 === undefined || sha256 === '') {
    throw new SeimonError(
      'MODEL_SHA256_REQUIRED',
      'Installing from a URL needs the SHA-256 the file must have (--sha256); ask whoever published the model for it.',
    );
  }
  if (!/^[0-9a-fA-F]{64}$/.test(sha256)) {
    throw new SeimonError('MODEL_SHA256_REQUIRED', `"${sha256}" is not a SHA-256 (64 hexadecimal digits).`);
  }
  return sha256.toLowerCase();
}

function checkUrl(s: string, catalog: readonly CatalogEntry[]): string {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new SeimonError(
      'MODEL_UNKNOWN_SOURCE',
      `"${s}" is neither a catalog id nor a URL. Catalog ids: ${catalog.map((e) => e.id).join(', ')}`,
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new SeimonError(
      'MODEL_UNKNOWN_SOURCE',
      `Only http and https downloads are supported (got ${u.protocol}).`,
    );
  }
  return u.href;
}

/** One stable part file per URL, so a later run finds and resumes it. */
export function partFileFor(dataDir: string, url: string): string {
  const key = createHash('sha256').update(url).digest('hex').slice(0, 32);
  return path.join(downloadsDir(dataDir), `${key}.part`);
}
