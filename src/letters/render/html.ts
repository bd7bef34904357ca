// The letter as an HTML fragment for previews and printing; every piece of text is escaped.
import type { LetterDetail } from '../../domain/letters.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const block = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

/** Renders the letter as a self-contained HTML fragment. */
export function renderLetterHtml(l: LetterDetail): string {
  const rows = l.fields
    .map((f) => `<tr><th scope="row">${block(f.label)}${f.verbatimToPoster ? ' <span class="verbatim">※</span>' : ''}</th><td>${block(f.value)}</td></tr>`)
    .join('');
  return [
    `<article class="letter" lang="${l.lang}">`,
    `<p class="date">${block(l.date)}</p>`,
    `<p class="addressee">${block(l.addressee)}</p>`,
    `<p class="sender">${block(l.sender)}</p>`,
    `<h1>${block(l.title)}</h1>`,
    `<p class="subtitle">${block(l.subtitle)}</p>`,
    `<p>${block(l.opening)}</p>`,
    `<table class="fields">${rows}</table>`,
    `<p>${block(l.closing)}</p>`,
    `<p class="signature">${block(l.signature)}</p>`,
    '</article>',
  ].join('\n');
}
