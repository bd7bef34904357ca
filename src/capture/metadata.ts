// Metadata the page declares about itself: Open Graph, JSON-LD and common meta tags. Only what the
// page says, with where it said it; nothing is guessed from the text.
import type { MediaOrigin, PageMetadata } from '../domain/capture.js';
import type { PageFacts } from './page-script.js';

type Found = { value: string; source: string } | null;
type JsonObject = Record<string, unknown>;

function metaValue(meta: PageFacts['meta'], keys: string[]): Found {
  for (const key of keys) {
    const hit = meta.find((m) => m.key === key && m.content.trim() !== '');
    if (hit) return { value: hit.content.trim(), source: key };
  }
  return null;
}

/** Every object in the page's JSON-LD blocks (arrays and @graph flattened); unparsable blocks are skipped. */
function jsonLdObjects(blocks: string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      out.push(v as JsonObject);
      const graph = (v as JsonObject)['@graph'];
      if (graph) walk(graph);
    }
  };
  for (const b of blocks) {
    try {
      walk(JSON.parse(b));
    } catch {
      // a page's broken JSON-LD says nothing
    }
  }
  return out.slice(0, 100);
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object' && typeof (v as JsonObject).name === 'string') return ((v as JsonObject).name as string).trim() || null;
  return null;
}

function jsonLdValue(objs: JsonObject[], path: string[], pick: (v: unknown) => string | null): Found {
  for (const key of path) {
    const [head, tail] = key.split('.') as [string, string | undefined];
    for (const o of objs) {
      const v = tail ? (o[head] as JsonObject | undefined)?.[tail] : o[head];
      const s = pick(v);
      if (s) return { value: s.slice(0, 500), source: `json-ld:${key}` };
    }
  }
  return null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const first = (...xs: Found[]): Found => xs.find((x) => x !== null) ?? null;

/** The page's own statements of title, uploader, post date, site, canonical URL and description. */
export function pageMetadata(facts: Pick<PageFacts, 'meta' | 'jsonLd' | 'title' | 'canonical'>): PageMetadata {
  const ld = jsonLdObjects(facts.jsonLd);
  const m = facts.meta;
  const found = {
    title: first(metaValue(m, ['og:title', 'twitter:title']), jsonLdValue(ld, ['headline', 'name'], str), facts.title.trim() ? { value: facts.title.trim(), source: 'title' } : null),
    uploader: first(jsonLdValue(ld, ['author', 'creator'], nameOf), metaValue(m, ['author', 'article:author', 'twitter:creator', 'og:video:actor'])),
    postedAt: first(metaValue(m, ['article:published_time', 'og:published_time', 'datepublished', 'uploaddate', 'date', 'dc.date']), jsonLdValue(ld, ['datePublished', 'uploadDate', 'dateCreated'], str)),
    siteName: first(metaValue(m, ['og:site_name', 'application-name']), jsonLdValue(ld, ['publisher'], nameOf)),
    canonicalUrl: first(metaValue(m, ['og:url']), facts.canonical ? { value: facts.canonical, source: 'link:canonical' } : null),
    description: first(metaValue(m, ['og:description', 'description', 'twitter:description'])),
  };
  const sources: PageMetadata['sources'] = {};
  for (const [k, v] of Object.entries(found)) if (v) sources[k as keyof typeof found] = v.source;
  return {
    title: found.title?.value ?? null,
    uploader: found.uploader?.value ?? null,
    postedAt: found.postedAt?.value ?? null,
    siteName: found.siteName?.value ?? null,
    canonicalUrl: found.canonicalUrl?.value ?? null,
    description: found.description?.value ?? null,
    sources,
  };
}

/** Open Graph audio and video sources the page declares. */
export function openGraphMedia(meta: PageFacts['meta']): { url: string; origin: MediaOrigin; type: string | null }[] {
  const out: { url: string; origin: MediaOrigin; type: string | null }[] = [];
  for (const kind of ['audio', 'video'] as const) {
    const type = meta.find((x) => x.key === `og:${kind}:type`)?.content ?? null;
    for (const key of [`og:${kind}:secure_url`, `og:${kind}:url`, `og:${kind}`]) {
      for (const x of meta.filter((y) => y.key === key)) {
        if (!out.some((o) => o.url === x.content)) out.push({ url: x.content, origin: `og:${kind}`, type });
      }
    }
  }
  return out.slice(0, 20);
}
