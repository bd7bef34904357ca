/**
 * Finds English left in the Japanese UI: visible text runs with two or more Latin words and no Japanese
 * character, apart from what is rightly Latin (codes, units, names, hashes, file names, URLs, paths).
 */
import type { Page } from 'playwright-core';

/** What may stay Latin in the Japanese UI, each with why. */
export const ASCII_ALLOW: { why: string; re: RegExp }[] = [
  { why: 'file names', re: /\.(wav|flac|mp3|m4a|ogg|opus|webm|zip|onnx|pdf|csv|docx|json)\b/i },
  { why: 'hashes and key fingerprints', re: /SHA-256|\b[0-9a-f]{4}( [0-9a-f]{4}){3,}|\b[0-9a-f]{12,}/i },
  { why: 'PEM blocks', re: /-----BEGIN|-----END/ },
  { why: 'model ids and front-end names', re: /seimon-starter|wespeaker|3d-?speaker|cam\+\+|eres2net|resnet|campplus/i },
  { why: 'units and score names', re: /^(AS-norm|LLR|cos|EER)\b|\b(k?Hz|dB|LUFS)\b/ },
  { why: 'URLs and paths', re: /https?:\/\/|^\/[\w./-]+$/ },
  { why: 'codec line of a recording', re: /^\w+\/[\w-]+ ·/ },
  { why: 'legal regime names', re: /DMCA|EU DSA|YouTube/ },
  { why: 'language names in the language menus', re: /^English$/ },
  { why: "a model's display name, as its manifest gives it", re: /^Seimon starter v\d/ },
];

/** Visible Latin-only sentences on the page that no allow-list entry covers. */
export async function asciiSentences(page: Page): Promise<string[]> {
  const runs = await page.evaluate(() => {
    type N = { nodeType: number; textContent: string | null; childNodes: ArrayLike<N>; parentElement: E | null };
    type E = N & { checkVisibility?: (o?: object) => boolean; tagName: string; closest(s: string): E | null };
    const d = globalThis as unknown as { document: { body: E; querySelectorAll(s: string): ArrayLike<E> } };
    const out: string[] = [];
    for (const el of Array.from(d.document.querySelectorAll('body *'))) {
      if (['SCRIPT', 'STYLE', 'OPTION', 'TITLE'].includes(el.tagName)) continue;
      if (el.closest('svg, [aria-hidden="true"], .visually-hidden')) continue;
      if (el.checkVisibility && !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      // The element's own text, not its children's (each child is checked on its own).
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === 3)
        .map((n) => n.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (own) out.push(own);
    }
    return out;
  });
  const japanese = /[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]/;
  const twoWords = /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/;
  return [...new Set(runs)].filter((s) => !japanese.test(s) && twoWords.test(s) && !ASCII_ALLOW.some((a) => a.re.test(s)));
}
