// Drives one isolated browser tab over the DevTools Protocol: loads the URL within bounds, follows
// the document's redirects, refuses requests to private addresses, and collects what the page was.
import { createHash } from 'node:crypto';
import type { CdpSession } from '../core/browser.js';
import { SeimonError } from '../core/errors.js';
import type { RedirectHop, TlsCertificate } from '../domain/capture.js';
import { refusalFor } from './address.js';
import type { Lookup } from './address.js';
import type { CaptureLimits } from './limits.js';
import { PAGE_FACTS_SCRIPT } from './page-script.js';
import type { PageFacts } from './page-script.js';

/** What the browser handed back, before anything is stored. */
export interface RawCapture {
  finalUrl: string;
  redirects: RedirectHop[];
  httpStatus: number | null;
  responseHeaders: Record<string, string>;
  tls: TlsCertificate | null;
  loadComplete: boolean;
  blockedRequests: { url: string; reason: string }[];
  facts: PageFacts;
  screenshot: Buffer;
  screenshotCutAt: number | null;
  mhtml: Buffer;
  /** The system clock when the screenshot was taken. */
  capturedAt: Date;
}

interface CdpResponse {
  url: string;
  status: number;
  headers: Record<string, string>;
  securityDetails?: { protocol?: string; subjectName?: string; issuer?: string; validFrom?: number; validTo?: number; sanList?: string[] };
}

const lowerKeys = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]));
const notAPage = (why: string) => capErr('CAPTURE_NOT_A_PAGE', `The address did not open a page (${why}); nothing was downloaded or run`, { why });
const capErr = (code: string, message: string, details?: Record<string, unknown>) => new SeimonError(code as `CAPTURE_${string}`, message, details);

/** Tracks the main document and the page's traffic; the first failure ends the capture. */
class PageWatch {
  hops: RedirectHop[] = [];
  docId: string | null = null;
  doc: CdpResponse | null = null;
  docUrl: string | null = null;
  bytes = 0;
  loaded = false;
  domReady = false;
  inflight = new Set<string>();
  lastActivity = Date.now();
  blocked: { url: string; reason: string }[] = [];
  failure: SeimonError | null = null;
  private wakers: (() => void)[] = [];

  constructor(
    readonly mainFrame: string,
    readonly limits: CaptureLimits,
  ) {}

  wake(): void {
    for (const w of this.wakers.splice(0)) w();
  }

  fail(e: SeimonError): void {
    this.failure ??= e;
    this.wake();
  }

  /** Resolves on the next event that may change the state (or after ms). */
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wakers.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  redirect(from: CdpResponse, to: string): void {
    this.hops.push({ url: from.url, status: from.status, location: lowerKeys(from.headers).location ?? to });
    if (this.hops.length > this.limits.maxRedirects) {
      const urls = [...this.hops.map((h) => h.url), to];
      const loop = new Set(urls).size < urls.length;
      this.fail(
        loop
          ? capErr('CAPTURE_REDIRECT_LOOP', `The page redirects in a loop (${this.hops.length} redirects, back to ${to})`, { redirects: this.hops.length })
          : capErr('CAPTURE_TOO_MANY_REDIRECTS', `More than ${this.limits.maxRedirects} redirects`, { redirects: this.hops.length }),
      );
    }
  }

  received(n: number): void {
    this.bytes += n;
    this.lastActivity = Date.now();
    if (this.bytes > this.limits.maxBytes) this.fail(capErr('CAPTURE_TOO_LARGE', `The page loads more than ${this.limits.maxBytes} bytes`, { limit: this.limits.maxBytes }));
  }
}

function subscribe(cdp: CdpSession, w: PageWatch, allowPrivate: boolean, lookup: Lookup | undefined): (() => void)[] {
  return [
    cdp.on('Fetch.requestPaused', (p) => {
      const { requestId, request } = p as { requestId: string; request: { url: string } };
      void (async () => {
        let refusal: { code: string; message: string } | null = null;
        try {
          const u = new URL(request.url);
          if (u.protocol === 'http:' || u.protocol === 'https:') refusal = await refusalFor(u, allowPrivate, lookup);
          else if (u.protocol !== 'data:' && u.protocol !== 'blob:') refusal = { code: 'CAPTURE_SCHEME_REFUSED', message: `scheme ${u.protocol} refused` };
        } catch {
          refusal = { code: 'CAPTURE_BAD_URL', message: 'unparsable address' };
        }
        if (refusal) {
          w.blocked.push({ url: request.url.slice(0, 2000), reason: refusal.code });
          if (request.url === w.docUrl) w.fail(capErr(refusal.code, `The page led to a refused address: ${refusal.message}`, { url: request.url }));
          await cdp.send('Fetch.failRequest', { requestId, errorReason: 'AccessDenied' }).catch(() => undefined);
        } else await cdp.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
      })();
    }),
    cdp.on('Network.requestWillBeSent', (p) => {
      const e = p as { requestId: string; frameId?: string; type?: string; request: { url: string }; redirectResponse?: CdpResponse };
      w.inflight.add(e.requestId);
      w.lastActivity = Date.now();
      if (e.type !== 'Document' || e.frameId !== w.mainFrame) return;
      if (e.redirectResponse) w.redirect(e.redirectResponse, e.request.url);
      else if (w.doc && w.docId !== e.requestId) w.redirect({ ...w.doc, headers: { location: e.request.url } }, e.request.url); // client-side redirect
      w.docId = e.requestId;
      w.docUrl = e.request.url;
      w.wake();
    }),
    cdp.on('Network.responseReceived', (p) => {
      const e = p as { requestId: string; response: CdpResponse };
      if (e.requestId !== w.docId) return;
      w.doc = e.response;
      if (/^\s*attachment/i.test(lowerKeys(e.response.headers)['content-disposition'] ?? '')) w.fail(notAPage('the server sent a file to save'));
      const length = Number(lowerKeys(e.response.headers)['content-length'] ?? 0);
      if (length > w.limits.maxBytes) w.fail(capErr('CAPTURE_TOO_LARGE', `The page is ${length} bytes, over the ${w.limits.maxBytes} byte bound`, { limit: w.limits.maxBytes }));
      w.wake();
    }),
    cdp.on('Network.dataReceived', (p) => w.received((p as { dataLength: number }).dataLength)),
    cdp.on('Network.loadingFinished', (p) => {
      w.inflight.delete((p as { requestId: string }).requestId);
      w.lastActivity = Date.now();
      w.wake();
    }),
    cdp.on('Network.loadingFailed', (p) => {
      const e = p as { requestId: string; errorText: string; canceled?: boolean };
      w.inflight.delete(e.requestId);
      const refused = w.blocked.find((b) => b.url === w.docUrl);
      if (e.requestId === w.docId && refused) w.fail(capErr(refused.reason, `The page led to a refused address: ${refused.url}`, { url: refused.url }));
      else if (e.requestId === w.docId && w.doc && !w.domReady) w.fail(notAPage(e.errorText));
      else if (e.requestId === w.docId && !w.doc) {
        const loop = /TOO_MANY_REDIRECTS/.test(e.errorText);
        w.fail(loop ? capErr('CAPTURE_REDIRECT_LOOP', 'The page redirects in a loop') : capErr('CAPTURE_LOAD_FAILED', `The page could not be loaded: ${e.errorText}`, { error: e.errorText }));
      }
      w.wake();
    }),
    cdp.on('Page.downloadWillBegin', () => w.fail(notAPage('a download'))),
    cdp.on('Page.domContentEventFired', () => {
      w.domReady = true;
      w.wake();
    }),
    cdp.on('Page.loadEventFired', () => {
      w.loaded = true;
      w.wake();
    }),
  ];
}

/** Waits for the load event (or the deadline); on the deadline a page whose DOM is ready is still captured. */
async function waitLoaded(w: PageWatch, deadline: number): Promise<void> {
  while (!w.failure && !w.loaded && Date.now() < deadline) await w.next(Math.max(1, deadline - Date.now()));
  if (w.failure) throw w.failure;
  if (!w.loaded && !(w.doc && w.domReady)) throw capErr('CAPTURE_TIMEOUT', `The page did not load within ${w.limits.timeoutMs / 1000} s`, { timeoutMs: w.limits.timeoutMs });
  // Let late requests (players, lazy images) settle: quiet for 500 ms, at most 3 s more.
  const settleEnd = Math.min(deadline, Date.now() + 3000);
  while (!w.failure && Date.now() < settleEnd && (w.inflight.size > 0 || Date.now() - w.lastActivity < 500)) await w.next(100);
  if (w.failure) throw w.failure;
}

async function certificate(cdp: CdpSession, doc: CdpResponse): Promise<TlsCertificate | null> {
  const s = doc.securityDetails;
  if (!s) return null;
  let fingerprint: string | null = null;
  try {
    const r = (await cdp.send('Network.getCertificate', { origin: new URL(doc.url).origin })) as { tableNames?: string[] };
    const der = r.tableNames?.[0];
    if (der) fingerprint = createHash('sha256').update(Buffer.from(der, 'base64')).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
  } catch {
    // not every browser hands the certificate out; the details below still say who it names
  }
  const iso = (t: number | undefined) => (t === undefined ? null : new Date(t * 1000).toISOString());
  return { protocol: s.protocol ?? null, subject: s.subjectName ?? null, issuer: s.issuer ?? null, validFrom: iso(s.validFrom), validTo: iso(s.validTo), sha256Fingerprint: fingerprint, sanList: s.sanList ?? [] };
}

async function screenshot(cdp: CdpSession, facts: PageFacts, limits: CaptureLimits): Promise<{ png: Buffer; cutAt: number | null }> {
  const m = (await cdp.send('Page.getLayoutMetrics')) as { cssContentSize?: { width: number; height: number }; cssLayoutViewport?: { clientWidth: number } };
  const width = Math.ceil(Math.min(Math.max(m.cssLayoutViewport?.clientWidth ?? 0, 320), 4000));
  const fullHeight = Math.ceil(Math.max(m.cssContentSize?.height ?? 0, facts.height, 1));
  const height = Math.min(fullHeight, limits.maxScreenshotHeight);
  const r = (await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } })) as { data: string };
  return { png: Buffer.from(r.data, 'base64'), cutAt: fullHeight > height ? height : null };
}

/** Loads the URL in the tab and collects everything the capture stores. */
export async function drivePage(cdp: CdpSession, url: URL, opts: { allowPrivate: boolean; limits: CaptureLimits; lookup?: Lookup }): Promise<RawCapture> {
  const deadline = Date.now() + opts.limits.timeoutMs;
  await cdp.send('Page.enable');
  const tree = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const w = new PageWatch(tree.frameTree.frame.id, opts.limits);
  const offs = subscribe(cdp, w, opts.allowPrivate, opts.lookup);
  try {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Downloads are refused outright: a capture never writes or runs what a page offers.
    await cdp.send('Page.setDownloadBehavior', { behavior: 'deny' }).catch(() => undefined);
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
    w.docUrl = url.href;
    const nav = cdp.send('Page.navigate', { url: url.href }) as Promise<{ errorText?: string }>;
    const navResult = await Promise.race([nav, w.next(Math.max(1, deadline - Date.now())).then(() => null)]);
    if (navResult?.errorText && !w.failure) {
      w.fail(/ERR_ABORTED/.test(navResult.errorText)
        ? notAPage(navResult.errorText)
        : capErr('CAPTURE_LOAD_FAILED', `The page could not be loaded: ${navResult.errorText}`, { error: navResult.errorText }));
    }
    await waitLoaded(w, deadline);
    if (!w.doc) throw capErr('CAPTURE_LOAD_FAILED', 'The browser reported no document for the address');
    const evaluated = (await cdp.send('Runtime.evaluate', { expression: PAGE_FACTS_SCRIPT, returnByValue: true })) as { result: { value?: string } };
    const facts = JSON.parse(evaluated.result.value ?? 'null') as PageFacts | null;
    if (!facts) throw capErr('CAPTURE_LOAD_FAILED', 'The page could not be read');
    const frame = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { url: string } } };
    const capturedAt = new Date();
    const shot = await screenshot(cdp, facts, opts.limits);
    const snap = (await cdp.send('Page.captureSnapshot', { format: 'mhtml' })) as { data: string };
    if (w.failure) throw w.failure;
    return {
      finalUrl: frame.frameTree.frame.url || w.doc.url,
      redirects: w.hops,
      httpStatus: w.doc.status,
      responseHeaders: lowerKeys(w.doc.headers),
      tls: await certificate(cdp, w.doc),
      loadComplete: w.loaded,
      blockedRequests: w.blocked.slice(0, 200),
      facts,
      screenshot: shot.png,
      screenshotCutAt: shot.cutAt,
      mhtml: Buffer.from(snap.data, 'utf8'),
      capturedAt,
    };
  } finally {
    for (const off of offs) off();
    await cdp.send('Fetch.disable').catch(() => undefined);
  }
}
