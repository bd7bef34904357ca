// Fetching a media file a captured page exposed into the suspect's clips: an anonymous request (no
// cookies, no sign-in: what needs one is reported as such), bounded in size, time and redirects, the
// bytes hashed and imported like any clip with the URL and response headers as their provenance.
import http from 'node:http';
import https from 'node:https';
import type { CoreContext } from '../core/context.js';
import { SeimonError, isSeimonError } from '../core/errors.js';
import type { CaptureMedia } from '../domain/capture.js';
import type { Recording } from '../domain/workbench.js';
import { appendAudit } from '../store/audit.js';
import { getCapture, getMedia, updateMedia } from '../store/captures.js';
import { importRecording } from '../workbench/import-recording.js';
import { refusalFor } from './address.js';
import type { Lookup } from './address.js';
import { withDefaults } from './limits.js';
import type { CaptureLimits } from './limits.js';

export interface MediaFetchOptions {
  limits?: Partial<CaptureLimits>;
  lookup?: Lookup;
  /** Extra certificate authorities (PEM) to trust, for test servers with self-signed certificates. */
  ca?: string[];
}

interface Fetched {
  url: string;
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
}

class NotFetchable extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly status: number | null = null,
    readonly headers: Record<string, string> | null = null,
  ) {
    super(message);
  }
}

const flatHeaders = (h: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));

function getOnce(url: URL, limits: CaptureLimits, o: MediaFetchOptions, userAgent: string): Promise<Fetched | { redirect: string; status: number }> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.get(url, { headers: { 'user-agent': userAgent, accept: 'audio/*, video/*, */*;q=0.1' }, timeout: limits.timeoutMs, ...(o.ca ? { ca: o.ca } : {}) }, (res) => {
      const status = res.statusCode ?? 0;
      const headers = flatHeaders(res.headers);
      if (status >= 300 && status < 400 && headers.location) {
        res.resume();
        return resolve({ redirect: new URL(headers.location, url).href, status });
      }
      if (status === 401 || status === 403) return res.resume(), reject(new NotFetchable('sign-in', `The server refused the file without a sign-in (HTTP ${status}); Seimon does not sign in for you`, status, headers));
      if (status < 200 || status >= 300) return res.resume(), reject(new NotFetchable('http-status', `The server answered HTTP ${status}`, status, headers));
      const type = (headers['content-type'] ?? '').toLowerCase();
      if (/^(text\/|application\/(json|xhtml|xml))/.test(type)) return res.resume(), reject(new NotFetchable('not-media', `The address gives ${type}, not audio or video`, status, headers));
      if (Number(headers['content-length'] ?? 0) > limits.maxMediaBytes) return res.destroy(), reject(new NotFetchable('too-large', `The file is over ${limits.maxMediaBytes} bytes`, status, headers));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxMediaBytes) {
          res.destroy();
          reject(new NotFetchable('too-large', `The file is over ${limits.maxMediaBytes} bytes`, status, headers));
        } else chunks.push(c);
      });
      res.on('end', () => resolve({ url: url.href, status, headers, bytes: Buffer.concat(chunks) }));
      res.on('error', (e) => reject(new NotFetchable('network', e.message, status, headers)));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${limits.timeoutMs / 1000} s`)));
    req.on('error', (e) => reject(e instanceof NotFetchable ? e : new NotFetchable('network', e.message)));
  });
}

async function download(start: string, allowPrivate: boolean, limits: CaptureLimits, o: MediaFetchOptions, userAgent: string): Promise<Fetched> {
  let url = start;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const u = new URL(url);
    const refusal = await refusalFor(u, allowPrivate, o.lookup);
    if (refusal) throw new NotFetchable(refusal.code === 'CAPTURE_PRIVATE_ADDRESS' ? 'private-address' : 'scheme', refusal.message);
    const r = await getOnce(u, limits, o, userAgent);
    if (!('redirect' in r)) return r;
    url = r.redirect;
  }
  throw new NotFetchable('network', `More than ${limits.maxRedirects} redirects`);
}

/** A bare file name for the record from the media URL's last path segment. */
export function mediaFileName(url: string): string {
  let last: string;
  try {
    last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    last = '';
  }
  // eslint-disable-next-line no-control-regex -- control characters never belong in a recorded name
  const clean = last.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120);
  return clean && clean !== '.' && clean !== '..' ? clean : 'media';
}

/** Fetches one offered media file into the suspect's clips; a file that cannot be fetched is marked with why. */
export async function fetchCaptureMedia(ctx: CoreContext, mediaId: string, o: MediaFetchOptions = {}): Promise<{ media: CaptureMedia; recording: Recording | null }> {
  const media = getMedia(ctx.db, mediaId);
  const capture = getCapture(ctx.db, media.captureId);
  if (media.state === 'fetched' && media.recordingId) throw new SeimonError('CAPTURE_MEDIA_DONE', 'This media file is already in the clips');
  if (media.state === 'not-fetchable' && ['drm', 'stream', 'scheme'].includes(media.reason ?? ''))
    throw new SeimonError('CAPTURE_MEDIA_NOT_FETCHABLE', `This media cannot be fetched as a file (${media.reason})`, { reason: media.reason });
  const limits = withDefaults(o.limits);
  const fetchedAt = new Date().toISOString();
  const fail = (reason: string, status: number | null, headers: Record<string, string> | null) =>
    ctx.db.transaction(() => {
      const m = updateMedia(ctx.db, mediaId, { state: 'not-fetchable', reason, httpStatus: status, responseHeaders: headers, sha256: null, sizeBytes: null, recordingId: null, fetchedAt });
      appendAudit(ctx.db, { actor: ctx.actor, action: 'capture.media.refused', objectType: 'suspect', objectId: capture.suspectId, details: { captureId: capture.id, url: media.url, reason, httpStatus: status } });
      return { media: m, recording: null };
    })();
  let got: Fetched;
  try {
    got = await download(media.url, capture.privateAddressAllowed, limits, o, `Seimon/${ctx.version} (evidence capture)`);
  } catch (e) {
    if (e instanceof NotFetchable) return fail(e.reason, e.status, e.headers);
    throw e;
  }
  if (got.bytes.length === 0) return fail('not-media', got.status, got.headers);
  let recording: Recording;
  try {
    ({ recording } = await importRecording(ctx, {
      role: 'suspect',
      ownerId: capture.suspectId,
      originalName: mediaFileName(got.url),
      bytes: got.bytes,
      provenance: { captureId: capture.id, pageUrl: capture.finalUrl, mediaUrl: media.url, fetchedUrl: got.url, httpStatus: got.status, responseHeaders: JSON.stringify(got.headers), fetchedAt, importedBy: ctx.actor },
    }));
  } catch (e) {
    if (isSeimonError(e) && e.code.startsWith('AUDIO_')) return fail('not-media', got.status, got.headers);
    throw e;
  }
  return ctx.db.transaction(() => {
    const m = updateMedia(ctx.db, mediaId, { state: 'fetched', reason: null, httpStatus: got.status, responseHeaders: got.headers, sha256: recording.sha256, sizeBytes: got.bytes.length, recordingId: recording.id, fetchedAt });
    appendAudit(ctx.db, { actor: ctx.actor, action: 'capture.media.fetch', objectType: 'suspect', objectId: capture.suspectId, details: { captureId: capture.id, url: media.url, fetchedUrl: got.url, sha256: recording.sha256, recordingId: recording.id, httpStatus: got.status } });
    return { media: m, recording };
  })();
}
