// report.html: one self-contained page (inline SVG plots, PNG spectrograms as data URIs, no scripts,
// a CSP that forbids loading anything). Every piece of user text is escaped.
import { REPORT_KEY_META } from '../report-key.js';
import type { Block, ReportDoc } from './blocks.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
body{font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;color:#1d2430;max-width:900px;margin:2em auto;padding:0 1.5em;line-height:1.6}
h1{font-size:1.6em;margin-bottom:0}h2{border-bottom:2px solid #1f4e79;color:#1f4e79;margin-top:2em;font-size:1.25em}h3{font-size:1.05em;margin-top:1.4em;color:#333}
.sub{color:#555;margin-top:.2em}.callout{border-left:4px solid #c0392b;background:#fdf2f0;padding:.6em 1em;font-weight:bold}
table{border-collapse:collapse;width:100%;margin:.6em 0}td,th{border:1px solid #d5d9e0;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#eef2f7}table.kv td:first-child{width:30%;background:#f7f9fb;color:#444}table.small{font-size:.8em}
.mono{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all}figure{margin:1em 0}figure svg,figure img{max-width:100%;height:auto;border:1px solid #e3e3e3}
figcaption{font-size:.85em;color:#555}.smallp{font-size:.85em;color:#555}footer{margin-top:3em;font-size:.8em;color:#666;border-top:1px solid #ddd;padding-top:.5em}`;

const isHash = (s: string) => /^[0-9a-f]{64}$/.test(s);

function cell(s: string, tag: 'td' | 'th'): string {
  return `<${tag}${isHash(s) ? ' class="mono"' : ''}>${escapeHtml(s)}</${tag}>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'para':
      return `<p${b.small ? ' class="smallp"' : ''}>${escapeHtml(b.text)}</p>`;
    case 'callout':
      return `<p class="callout">${escapeHtml(b.text)}</p>`;
    case 'kv':
      return `<table class="kv">${b.rows.map(([k, v]) => `<tr>${cell(k, 'td')}${cell(v, 'td')}</tr>`).join('')}</table>`;
    case 'table':
      return `<table${b.small ? ' class="small"' : ''}><tr>${b.head.map((h) => cell(h, 'th')).join('')}</tr>${b.rows.map((r) => `<tr>${r.map((c) => cell(c, 'td')).join('')}</tr>`).join('')}</table>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'figure': {
      // Our own SVG (labels escaped by the plot helpers); spectrograms are PNG bytes we encoded.
      const pic = b.svg ?? `<img alt="" src="data:image/png;base64,${b.png.toString('base64')}" width="${b.width}" height="${b.height}">`;
      return `<figure>${pic}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    }
  }
}

/** Renders the report as a standalone HTML document. */
export function renderHtml(doc: ReportDoc): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}"><head><meta charset="utf-8">`,
    `<meta name="${REPORT_KEY_META}" content="${escapeHtml(doc.fingerprint)}">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(doc.title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${escapeHtml(doc.title)}</h1><p class="sub">${escapeHtml(doc.subtitle)}</p>`,
    ...doc.blocks.map(block),
    `<footer>${escapeHtml(doc.footer)}</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
