// One capture of the page a suspect voice was found on: refuse what must be refused, drive an isolated
// browser tab, put every artefact in the content store under its SHA-256, write a manifest over them,
// then one transaction: the capture row, the prefilled suspect fields and the audit entry.
import type { CoreContext } from '../core/context.js';
import { SeimonError } from '../core/errors.js';
import type { CaptureArtefact, CaptureResult, CaptureTimestamp } from '../domain/capture.js';
import { appendAudit } from '../store/audit.js';
import { insertCapture, newCaptureId } from '../store/captures.js';
import type { CaptureRecord } from '../store/captures.js';
import { holdPending, putBytes, sha256Of } from '../store/content.js';
import { getSuspect } from '../store/suspects.js';
import { assertMayVisit, parseCaptureUrl } from './address.js';
import type { Lookup } from './address.js';
import { drivePage } from './drive.js';
import type { RawCapture } from './drive.js';
import { withDefaults } from './limits.js';
import type { CaptureLimits } from './limits.js';
import { mediaOffers } from './media-offer.js';
import type { MediaOffer } from './media-offer.js';
import { pageMetadata } from './metadata.js';
import { pageValues, prefillSuspect } from './prefill.js';
import { renderPrintout } from './printout.js';
import { stampManifest } from './timestamp.js';

export interface CaptureRequest {
  suspectId: string;
  url: string;
  /** The user confirmed a private or loopback address (tests use loopback servers). */
  allowPrivate: boolean;
  limits?: Partial<CaptureLimits>;
  lookup?: Lookup;
}

export const MANIFEST_FORMAT = 'seimon-capture';

/** Puts artefacts in the content store, each held against the orphan sweep until the capture row exists. */
function artefactStore(ctx: CoreContext) {
  const holds: { release: () => void }[] = [];
  return {
    put(kind: CaptureArtefact['kind'], bytes: Uint8Array, mediaType: string): CaptureArtefact {
      const sha256 = sha256Of(bytes);
      holds.push(holdPending(ctx.dataDir, sha256));
      const f = putBytes(ctx.dataDir, bytes);
      return { kind, sha256: f.sha256, sizeBytes: f.sizeBytes, mediaType };
    },
    release: () => holds.splice(0).forEach((h) => h.release()),
  };
}

async function loadPage(ctx: CoreContext, url: URL, req: CaptureRequest, limits: CaptureLimits): Promise<{ raw: RawCapture; browser: { name: string; version: string } }> {
  if (!ctx.browser) throw new SeimonError('CAPTURE_NO_BROWSER', 'No browser is available for captures here (CLI: --browser PATH)');
  const browser = await ctx.browser();
  try {
    const tab = await browser.openTab();
    try {
      return { raw: await drivePage(tab.cdp, url, { allowPrivate: req.allowPrivate, limits, lookup: req.lookup }), browser: { name: browser.name, version: browser.version } };
    } finally {
      await tab.close().catch(() => undefined);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/** The manifest: every fact of the capture and the hash of every artefact, as canonical JSON bytes. */
function manifestBytes(ctx: CoreContext, id: string, record: CaptureRecord, artefacts: CaptureArtefact[], media: MediaOffer[], limits: CaptureLimits): Buffer {
  const manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: 1,
    captureId: id,
    ...record,
    limits,
    media: media.map((m) => ({ url: m.url, origin: m.origin, declaredType: m.declaredType, state: m.state, reason: m.reason })),
    artefacts,
    software: { name: 'Seimon', version: ctx.version },
  };
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

/** Captures the URL into the suspect: stored, hashed, audited, and the suspect's fields prefilled. */
export async function capturePage(ctx: CoreContext, req: CaptureRequest): Promise<CaptureResult> {
  const suspect = getSuspect(ctx.db, req.suspectId);
  const url = parseCaptureUrl(req.url);
  await assertMayVisit(url, req.allowPrivate, req.lookup);
  const limits = withDefaults(req.limits);
  const { raw, browser } = await loadPage(ctx, url, req, limits);
  const id = newCaptureId();
  const metadata = pageMetadata(raw.facts);
  const capturedAt = raw.capturedAt.toISOString();
  const record: CaptureRecord = {
    suspectId: suspect.id,
    requestedUrl: url.href,
    finalUrl: raw.finalUrl,
    redirects: raw.redirects,
    httpStatus: raw.httpStatus,
    responseHeaders: raw.responseHeaders,
    tls: raw.tls,
    title: raw.facts.title || null,
    capturedAt,
    capturedBy: ctx.actor,
    browser: { ...browser, userAgent: raw.facts.userAgent },
    loadComplete: raw.loadComplete,
    blockedRequests: raw.blockedRequests,
    screenshotCutAt: raw.screenshotCutAt,
    privateAddressAllowed: req.allowPrivate,
    metadata,
  };
  const files = artefactStore(ctx);
  try {
    return await recordCapture(ctx, { id, url, req, raw, browser, record, metadata, limits }, files.put);
  } finally {
    files.release();
  }
}

interface Recorded {
  id: string;
  url: URL;
  req: CaptureRequest;
  raw: RawCapture;
  browser: { name: string; version: string };
  record: CaptureRecord;
  metadata: ReturnType<typeof pageMetadata>;
  limits: CaptureLimits;
}

async function recordCapture(ctx: CoreContext, r: Recorded, store: ReturnType<typeof artefactStore>['put']): Promise<CaptureResult> {
  const { id, url, req, raw, browser, record, metadata, limits } = r;
  const capturedAt = record.capturedAt;
  const suspect = getSuspect(ctx.db, record.suspectId);
  const shot = store('screenshot', raw.screenshot, 'image/png');
  const artefacts = [
    shot,
    store('mhtml', raw.mhtml, 'multipart/related'),
    store('text', Buffer.from(raw.facts.text, 'utf8'), 'text/plain; charset=utf-8'),
  ];
  const printout = await renderPrintout({
    captureId: id,
    requestedUrl: url.href,
    finalUrl: raw.finalUrl,
    title: record.title,
    capturedAt,
    browser: `${browser.name} ${browser.version}`,
    screenshot: raw.screenshot,
    screenshotSha256: shot.sha256,
    width: raw.facts.width,
    height: raw.facts.height,
  });
  artefacts.push(store('printout', printout, 'application/pdf'));
  const media = mediaOffers(raw.facts, raw.finalUrl);
  const mBytes = manifestBytes(ctx, id, record, artefacts, media, limits);
  const manifest = store('manifest', mBytes, 'application/json');
  const stamp = await stampManifest(ctx, mBytes);
  const timestamp: CaptureTimestamp = stamp.timestamp;
  if (stamp.token) artefacts.push(store('timestamp', stamp.token, 'application/timestamp-reply'));
  return ctx.db.transaction(() => {
    const capture0 = insertCapture(ctx.db, id, record, [...artefacts, manifest], media, manifest.sha256, timestamp);
    const filled = prefillSuspect(ctx, suspect, id, pageValues(metadata, raw.finalUrl, capturedAt));
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'capture.create',
      objectType: 'suspect',
      objectId: suspect.id,
      details: {
        captureId: id,
        requestedUrl: url.href,
        finalUrl: raw.finalUrl,
        httpStatus: raw.httpStatus,
        capturedAt,
        browser: `${browser.name} ${browser.version}`,
        manifestSha256: manifest.sha256,
        artefacts: Object.fromEntries(capture0.artefacts.map((a) => [a.kind, a.sha256])),
        timestamp: timestamp.state,
        prefilled: filled.prefilled,
        privateAddressAllowed: req.allowPrivate,
      },
    });
    return { capture: capture0, ...filled };
  })();
}
