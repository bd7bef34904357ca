// The report's section on captured pages: for each capture a thumbnail with the URL and the time
// drawn above the top of the page, and the facts a reader checks (redirects, certificate, hashes).
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { CoreContext } from '../../core/context.js';
import type { Capture } from '../../domain/index.js';
import { contentPath } from '../../store/content.js';
import type { Block } from './blocks.js';
import { REPORT_FONT_FAMILY, reportFonts } from './fonts.js';
import type { Lang } from './strings.js';

/** A capture as the report shows it. */
export interface ReportCapture {
  capture: Capture;
  suspectLabel: string;
  /** PNG: the URL and time strip over the top of the screenshot. */
  thumbnail: { png: Buffer; width: number; height: number } | null;
}

const T = {
  ja: {
    heading: '取得したページ',
    intro: '疑義音声が見つかったページを、独立したブラウザで取得した記録です。スクリーンショット・MHTML・表示テキスト・印刷用 PDF は SHA-256 で証拠パッケージに収めています。取得日時はこのコンピュータの時計によるもので、RFC 3161 タイムスタンプがない限り第三者による時刻の証明はありません。',
    suspect: '疑義音声', url: 'URL', requested: '要求した URL', redirects: 'リダイレクト', status: 'HTTP ステータス', at: '取得日時', by: '取得者', browser: 'ブラウザ', cert: 'TLS 証明書', manifest: 'マニフェスト SHA-256', stamp: 'タイムスタンプ', media: 'メディア',
    none: 'なし', stamped: 'RFC 3161 トークンあり', unstamped: 'なし（時刻はこのコンピュータの時計のみ）', failed: '取得失敗',
  },
  en: {
    heading: 'Captured pages',
    intro: 'Records of the pages where the suspect voices were found, captured in an isolated browser. Screenshots, MHTML, visible text and printouts are in the pack under their SHA-256. The capture time is this computer’s clock; without an RFC 3161 token no third party vouches for it.',
    suspect: 'Suspect', url: 'URL', requested: 'Requested URL', redirects: 'Redirects', status: 'HTTP status', at: 'Captured at', by: 'Captured by', browser: 'Browser', cert: 'TLS certificate', manifest: 'Manifest SHA-256', stamp: 'Time-stamp', media: 'Media',
    none: 'none', stamped: 'RFC 3161 token', unstamped: 'none (time from this computer’s clock only)', failed: 'failed',
  },
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The top of the screenshot with a strip showing the URL and the capture time, as PNG. */
export function captureThumbnail(ctx: CoreContext, c: Capture): ReportCapture['thumbnail'] {
  const shot = c.artefacts.find((a) => a.kind === 'screenshot');
  if (!shot) return null;
  const png = fs.readFileSync(contentPath(ctx.dataDir, shot.sha256));
  const w = png.readUInt32BE(16);
  const h = png.readUInt32BE(20);
  const view = Math.min(h, Math.round(w * 0.7));
  const strip = 56;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${view + strip}">
<rect width="${w}" height="${strip}" fill="#eef0f4"/>
<text x="16" y="24" font-size="18" font-family="${REPORT_FONT_FAMILY}" fill="#111">${esc(c.finalUrl.slice(0, 160))}</text>
<text x="16" y="46" font-size="14" font-family="${REPORT_FONT_FAMILY}" fill="#444">${esc(`${c.capturedAt} · ${c.browser.name} ${c.browser.version} · SHA-256 ${shot.sha256}`)}</text>
<svg y="${strip}" width="${w}" height="${view}" viewBox="0 0 ${w} ${view}"><image href="data:image/png;base64,${png.toString('base64')}" width="${w}" height="${h}"/></svg>
<rect y="${strip}" width="${w}" height="${view}" fill="none" stroke="#c9ced6"/></svg>`;
  const f = reportFonts();
  const out = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [f.regular, f.bold], defaultFontFamily: REPORT_FONT_FAMILY }, fitTo: { mode: 'width', value: Math.min(w, 900) } }).render().asPng();
  return { png: out, width: out.readUInt32BE(16), height: out.readUInt32BE(20) };
}

/** The section's blocks (nothing when the case has no captures). */
export function captureBlocks(captures: ReportCapture[] | undefined, lang: Lang): Block[] {
  if (!captures?.length) return [];
  const t = T[lang];
  return [
    { kind: 'heading', text: t.heading },
    { kind: 'para', text: t.intro },
    ...captures.flatMap(({ capture: c, suspectLabel, thumbnail }): Block[] => [
      { kind: 'subheading', text: `${suspectLabel} — ${c.id}` },
      {
        kind: 'kv',
        rows: [
          [t.url, c.finalUrl],
          ...(c.requestedUrl !== c.finalUrl ? [[t.requested, c.requestedUrl] as [string, string]] : []),
          [t.redirects, c.redirects.length ? c.redirects.map((r) => `${r.status} ${r.url}`).join(' → ') : t.none],
          [t.status, String(c.httpStatus ?? '—')],
          [t.at, c.capturedAt],
          [t.by, c.capturedBy],
          [t.browser, `${c.browser.name} ${c.browser.version}`],
          [t.cert, c.tls ? `${c.tls.subject ?? '?'} / ${c.tls.issuer ?? '?'} / SHA-256 ${c.tls.sha256Fingerprint ?? '—'}` : t.none],
          [t.manifest, c.manifestSha256],
          [t.stamp, c.timestamp.state === 'stamped' ? `${t.stamped} ${c.timestamp.genTime ?? ''} ${c.timestamp.authority ?? ''}` : c.timestamp.state === 'failed' ? `${t.failed}: ${c.timestamp.note ?? ''}` : t.unstamped],
          [t.media, c.media.length ? c.media.map((m) => `${m.state} ${m.url}${m.sha256 ? ` (${m.sha256})` : ''}`).join('\n') : t.none],
        ],
      },
      ...(thumbnail ? [{ kind: 'figure', svg: null, png: thumbnail.png, width: thumbnail.width, height: thumbnail.height, caption: `${c.finalUrl} — ${c.capturedAt}` } as Block] : []),
    ]),
  ];
}
