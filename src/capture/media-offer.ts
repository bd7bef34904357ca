// Which media a captured page exposes, and which of them can honestly be fetched as a file: a stream
// assembled by the page's player (MSE blob:, HLS, DASH) or media under DRM is reported, never worked around.
import type { CaptureMedia, MediaOrigin } from '../domain/capture.js';
import { openGraphMedia } from './metadata.js';
import type { PageFacts } from './page-script.js';

export interface MediaOffer {
  url: string;
  origin: MediaOrigin;
  declaredType: string | null;
  state: CaptureMedia['state'];
  reason: string | null;
}

function classify(url: string, drm: boolean): Pick<MediaOffer, 'state' | 'reason'> {
  if (drm) return { state: 'not-fetchable', reason: 'drm' };
  if (url.startsWith('blob:')) return { state: 'not-fetchable', reason: 'stream' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { state: 'not-fetchable', reason: 'scheme' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { state: 'not-fetchable', reason: 'scheme' };
  if (/\.(m3u8|mpd)$/i.test(u.pathname)) return { state: 'not-fetchable', reason: 'stream' };
  return { state: 'offered', reason: null };
}

/** Media elements and Open Graph audio/video, absolute, de-duplicated, each offered or marked not fetchable. */
export function mediaOffers(facts: Pick<PageFacts, 'media' | 'meta'>, pageUrl: string): MediaOffer[] {
  const out: MediaOffer[] = [];
  const add = (raw: string, origin: MediaOrigin, type: string | null, drm: boolean) => {
    let url = raw;
    try {
      url = new URL(raw, pageUrl).href;
    } catch {
      // kept as written; classify() says why it cannot be fetched
    }
    if (out.some((o) => o.url === url)) return;
    out.push({ url, origin, declaredType: type, ...classify(url, drm) });
  };
  for (const m of facts.media) add(m.url, m.origin, m.type, m.drm);
  for (const m of openGraphMedia(facts.meta)) add(m.url, m.origin, m.type, false);
  return out.slice(0, 50);
}
