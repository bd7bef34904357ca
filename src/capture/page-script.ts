// What the capture reads from the loaded page, as one expression evaluated in the page (a string: the
// core has no DOM). Everything is bounded so a hostile page cannot make the record huge.

/** What the page script returns. */
export interface PageFacts {
  title: string;
  text: string;
  textTruncated: boolean;
  userAgent: string;
  contentType: string;
  width: number;
  height: number;
  /** name/property/itemprop → content, first 300 meta tags. */
  meta: { key: string; content: string }[];
  jsonLd: string[];
  canonical: string | null;
  media: { url: string; origin: 'audio-element' | 'video-element' | 'source-element'; type: string | null; drm: boolean; mse: boolean }[];
}

export const MAX_TEXT_CHARS = 500_000;

export const PAGE_FACTS_SCRIPT = `(() => {
  const d = document;
  const clip = (s, n) => (s || '').slice(0, n);
  const text = d.body ? d.body.innerText || '' : '';
  const meta = [];
  for (const m of Array.from(d.querySelectorAll('meta')).slice(0, 300)) {
    const key = m.getAttribute('property') || m.getAttribute('name') || m.getAttribute('itemprop');
    const content = m.getAttribute('content');
    if (key && content != null) meta.push({ key: clip(key, 100).toLowerCase(), content: clip(content, 2000) });
  }
  const jsonLd = Array.from(d.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20).map((s) => clip(s.textContent, 50000));
  const canon = d.querySelector('link[rel="canonical"]');
  const media = [];
  for (const el of Array.from(d.querySelectorAll('audio, video')).slice(0, 50)) {
    const origin = el.tagName === 'AUDIO' ? 'audio-element' : 'video-element';
    const src = el.currentSrc || el.src || '';
    const drm = !!el.mediaKeys;
    if (src) media.push({ url: clip(src, 4000), origin, type: el.getAttribute('type'), drm, mse: src.startsWith('blob:') });
    for (const s of Array.from(el.querySelectorAll('source')).slice(0, 10)) {
      if (s.src && s.src !== src) media.push({ url: clip(s.src, 4000), origin: 'source-element', type: s.getAttribute('type'), drm, mse: s.src.startsWith('blob:') });
    }
  }
  const root = d.documentElement;
  return JSON.stringify({
    title: clip(d.title, 1000),
    text: clip(text, ${MAX_TEXT_CHARS}),
    textTruncated: text.length > ${MAX_TEXT_CHARS},
    userAgent: navigator.userAgent,
    contentType: d.contentType || '',
    width: Math.max(root ? root.scrollWidth : 0, d.body ? d.body.scrollWidth : 0),
    height: Math.max(root ? root.scrollHeight : 0, d.body ? d.body.scrollHeight : 0),
    meta, jsonLd,
    canonical: canon ? clip(canon.href, 4000) : null,
    media,
  });
})()`;
