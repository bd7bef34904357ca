import { once } from 'node:events';
import fs from 'node:fs';
import type http from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SeimonError } from '../core/errors.js';
import { APP_VERSION } from '../core/version.js';
import type { OpenResponse } from './http-get.js';
import { getFollowingRedirects, networkError } from './http-get.js';
import type { ResumeState } from './resume-state.js';
import { discardPartial, readResumeState, writeResumeState } from './resume-state.js';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes: number | null;
  resumedFrom: number;
}

export interface DownloadOptions {
  onProgress?: ((p: DownloadProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Give up when the server sends nothing for this long (default 30 s). */
  stallTimeoutMs?: number | undefined;
  maxRedirects?: number | undefined;
  /** Size promised by the catalog, when known. */
  expectedSize?: number | null | undefined;
  /** Refuse anything bigger (default 2 GiB). */
  maxBytes?: number | undefined;
}

export interface DownloadResult {
  sizeBytes: number;
  finalUrl: string;
  resumedFrom: number;
}

const DEFAULT_STALL_MS = 30_000;
const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/**
 * Downloads `url` into `part`, resuming a previous partial download with Range/If-Range when the
 * server allows it and starting over when it does not. Keeps the part file after a network failure
 * (so the next run resumes) and deletes it when the content is refused (HTML page, wrong size).
 */
export async function downloadResumable(
  url: string,
  part: string,
  opts: DownloadOptions = {},
): Promise<DownloadResult> {
  try {
    return await attempt(url, part, opts, true);
  } catch (e) {
    if (e instanceof RestartNeeded) return attempt(url, part, opts, false);
    throw e;
  }
}

/** The server answered a resume in a way that cannot be appended: start again from byte 0. */
class RestartNeeded extends Error {}

async function attempt(
  url: string,
  part: string,
  opts: DownloadOptions,
  mayResume: boolean,
): Promise<DownloadResult> {
  const state = mayResume ? readResumeState(part, url) : null;
  const offset = state ? fs.statSync(part).size : 0;
  if (offset === 0) discardPartial(part);
  const stallMs = opts.stallTimeoutMs ?? DEFAULT_STALL_MS;
  const open = await getFollowingRedirects(new URL(url), {
    headers: requestHeaders(offset, state),
    stallTimeoutMs: stallMs,
    maxRedirects: opts.maxRedirects ?? 5,
    signal: opts.signal,
  });
  try {
    const start = startOffset(open.res, offset);
    const totalBytes = totalOf(open.res, start);
    refuseContent(open, totalBytes, opts);
    writeResumeState(part, { url, validator: validatorOf(open.res), totalBytes });
    await receiveBody(open, part, start, totalBytes, opts, stallMs);
    const sizeBytes = fs.statSync(part).size;
    if (totalBytes !== null && sizeBytes !== totalBytes) {
      throw new SeimonError(
        'MODEL_DOWNLOAD_INTERRUPTED',
        `Got ${sizeBytes} of ${totalBytes} bytes; run the install again to resume.`,
      );
    }
    return { sizeBytes, finalUrl: open.url.href, resumedFrom: start };
  } catch (e) {
    if (e instanceof SeimonError && REFUSALS.has(e.code)) discardPartial(part);
    throw e;
  } finally {
    open.close();
  }
}

/** Errors about the content itself: a retry would fetch the same thing, so keep nothing. */
const REFUSALS = new Set([
  'MODEL_DOWNLOAD_HTML',
  'MODEL_DOWNLOAD_SIZE_MISMATCH',
  'MODEL_TOO_LARGE',
  'MODEL_DOWNLOAD_FAILED',
]);

function requestHeaders(offset: number, state: ResumeState | null): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': `Seimon/${APP_VERSION}`,
    accept: 'application/octet-stream, */*;q=0.5',
    'accept-encoding': 'identity',
  };
  if (offset > 0) {
    headers.range = `bytes=${offset}-`;
    if (state?.validator) headers['if-range'] = state.validator;
  }
  return headers;
}

/** Where the body starts in the file: the resume offset for a matching 206, 0 for a 200. */
function startOffset(res: http.IncomingMessage, offset: number): number {
  const status = res.statusCode ?? 0;
  if (status === 200) return 0; // Range ignored, or the file changed (If-Range): start over
  if (status === 206 && offset > 0) {
    const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(res.headers['content-range'] ?? '');
    if (m && Number(m[1]) === offset) return offset;
    throw new RestartNeeded();
  }
  if (status === 416 && offset > 0) throw new RestartNeeded();
  throw new SeimonError(
    'MODEL_DOWNLOAD_FAILED',
    `The server answered HTTP ${status} ${res.statusMessage ?? ''}`.trim(),
  );
}

function totalOf(res: http.IncomingMessage, start: number): number | null {
  const range = /\/(\d+)$/.exec(res.headers['content-range'] ?? '');
  if (res.statusCode === 206 && range) return Number(range[1]);
  const len = res.headers['content-length'];
  return len !== undefined && /^\d+$/.test(len) ? start + Number(len) : null;
}

function refuseContent(open: OpenResponse, total: number | null, opts: DownloadOptions): void {
  const type = (open.res.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('text/html') || type.startsWith('application/xhtml'))
    throw htmlError(open.url);
  if (opts.expectedSize && total !== null && total !== opts.expectedSize) {
    throw new SeimonError(
      'MODEL_DOWNLOAD_SIZE_MISMATCH',
      `The server offers ${total} bytes; the catalog expects ${opts.expectedSize}.`,
    );
  }
  if (total !== null && total > (opts.maxBytes ?? DEFAULT_MAX_BYTES)) {
    throw new SeimonError(
      'MODEL_TOO_LARGE',
      `${total} bytes is larger than any speaker model Seimon accepts.`,
    );
  }
}

const htmlError = (url: URL) =>
  new SeimonError(
    'MODEL_DOWNLOAD_HTML',
    `${url.host} sent a web page instead of a model file (wrong address, or an error/login page).`,
  );

/** A strong ETag, else Last-Modified: what If-Range may carry. */
function validatorOf(res: http.IncomingMessage): string | null {
  const etag = res.headers.etag;
  if (etag && !etag.startsWith('W/')) return etag;
  return res.headers['last-modified'] ?? null;
}

async function receiveBody(
  open: OpenResponse,
  part: string,
  start: number,
  totalBytes: number | null,
  opts: DownloadOptions,
  stallMs: number,
): Promise<void> {
  let received = start;
  let first = start === 0;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first && chunk.length > 0) {
        first = false;
        if (looksLikeMarkup(chunk)) return done(htmlError(open.url));
      }
      received += chunk.length;
      if (received > maxBytes)
        return done(new SeimonError('MODEL_TOO_LARGE', `More than ${maxBytes} bytes; refused.`));
      opts.onProgress?.({ receivedBytes: received, totalBytes, resumedFrom: start });
      done(null, chunk);
    },
  });
  opts.onProgress?.({ receivedBytes: received, totalBytes, resumedFrom: start });
  const out = fs.createWriteStream(part, { flags: start > 0 ? 'a' : 'w' });
  try {
    await pipeline(open.res, tap, out);
  } catch (e) {
    // The file opens asynchronously: wait until it is really closed, or a refused download's part
    // file could be created again right after the caller deletes it.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    throw networkError(e, open.cancelReason(), open.url, stallMs);
  }
}

/** An ONNX file starts with a protobuf tag byte; a web page starts with `<` (after blanks or a BOM). */
function looksLikeMarkup(chunk: Buffer): boolean {
  const text = chunk
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart();
  return text.startsWith('<');
}
