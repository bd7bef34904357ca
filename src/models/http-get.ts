import http from 'node:http';
import https from 'node:https';
import { SeimonError } from '../core/errors.js';
import { diskFull, isDiskFull } from '../core/disk-full.js';

/** Why a request was cut short by us rather than by the network. */
export type CancelReason = 'stall' | 'abort' | null;

/** An open response plus what is needed to end it and to explain why it ended. */
export interface OpenResponse {
  res: http.IncomingMessage;
  url: URL;
  /** Destroys the underlying request (idempotent). */
  close: () => void;
  cancelReason: () => CancelReason;
}

export interface GetOptions {
  headers: Record<string, string>;
  /** Socket idle limit in ms, for connecting, waiting for headers and between body chunks. */
  stallTimeoutMs: number;
  maxRedirects: number;
  signal?: AbortSignal | undefined;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GET with redirects followed (at most `maxRedirects`, never from https down to http). */
export async function getFollowingRedirects(start: URL, opts: GetOptions): Promise<OpenResponse> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const open = await getOnce(url, opts);
    const location = open.res.headers.location;
    if (!REDIRECTS.has(open.res.statusCode ?? 0) || !location) return open;
    open.close();
    if (hop >= opts.maxRedirects) {
      throw new SeimonError(
        'MODEL_DOWNLOAD_TOO_MANY_REDIRECTS',
        `More than ${opts.maxRedirects} redirects from ${start.href}`,
      );
    }
    url = redirectTarget(url, location);
  }
}

/** The next address of a redirect; refuses non-http(s) targets and https-to-http downgrades. */
export function redirectTarget(from: URL, location: string): URL {
  const next = new URL(location, from);
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new SeimonError('MODEL_DOWNLOAD_FAILED', `Redirect to unsupported address ${next.href}`);
  }
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    throw new SeimonError(
      'MODEL_DOWNLOAD_INSECURE_REDIRECT',
      `Refused a redirect from https to plain http (${next.href})`,
    );
  }
  return next;
}

/** One GET; resolves when the response headers arrive. */
export function getOnce(url: URL, opts: GetOptions): Promise<OpenResponse> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortedError());
    let reason: CancelReason = null;
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.get(url, { headers: opts.headers });
    const onAbort = () => {
      reason = 'abort';
      req.destroy();
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const close = () => {
      opts.signal?.removeEventListener('abort', onAbort);
      req.destroy();
    };
    req.setTimeout(opts.stallTimeoutMs, () => {
      reason = reason ?? 'stall';
      req.destroy();
    });
    req.once('response', (res) => resolve({ res, url, close, cancelReason: () => reason }));
    req.on('error', (e) => {
      close();
      reject(networkError(e, reason, url, opts.stallTimeoutMs));
    });
  });
}

/** Turns a low-level failure into the error a user sees. */
export function networkError(
  e: unknown,
  reason: CancelReason,
  url: URL,
  stallMs: number,
): SeimonError {
  if (e instanceof SeimonError) return e;
  if (isDiskFull(e)) return diskFull('the download');
  if (reason === 'abort') return abortedError();
  if (reason === 'stall') {
    return new SeimonError(
      'MODEL_DOWNLOAD_STALLED',
      `${url.host} sent nothing for ${stallMs / 1000} s; try again later (the download resumes).`,
    );
  }
  return new SeimonError(
    'MODEL_DOWNLOAD_INTERRUPTED',
    `Download from ${url.host} failed: ${(e as Error).message}; run the install again to resume.`,
  );
}

export const abortedError = (): SeimonError =>
  new SeimonError('MODEL_DOWNLOAD_ABORTED', 'Download cancelled; run the install again to resume.');
