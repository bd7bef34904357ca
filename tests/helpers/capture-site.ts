/**
 * A small web site on loopback for capture tests: HTTP and HTTPS (a self-signed certificate made with
 * openssl for each run), a page with redirects, Open Graph / JSON-LD metadata and an <audio> element,
 * and the pages captures must refuse (a redirect loop, an oversize page, a page that never answers).
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { makeWav, sine, whiteNoise } from './audio-synth.js';

export interface CaptureSite {
  http: string;
  https: string;
  /** Base64 SHA-256 of the certificate's public key (Chromium's --ignore-certificate-errors-spki-list). */
  spki: string;
  certPem: string;
  /** SHA-256 of the certificate's DER bytes, hex with colons, as the capture records it. */
  certFingerprint: string;
  voice: Buffer;
  /** Requests the site saw (path and the cookies sent), oldest first. */
  requests: { path: string; cookie: string | undefined }[];
  close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=Seimon Test Site/O=Seimon Tests', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  const out = { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

const PAGE = (voiceUrl: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8">
<title>AI ボイス配布ページ</title>
<meta property="og:title" content="新作AIボイス「ミナト」サンプル">
<meta property="og:site_name" content="ボイスシェア">
<meta property="og:audio" content="/media/og-voice.wav">
<meta property="og:audio:type" content="audio/wav">
<meta name="author" content="meta-author-ignored-when-json-ld-says">
<meta property="article:published_time" content="2026-11-20T09:30:00+09:00">
<link rel="canonical" href="/page">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"AudioObject","name":"ミナト sample","author":{"@type":"Person","name":"voice_uploader_42"}}</script>
</head><body style="margin:0;font-family:sans-serif">
<h1>新作AIボイス「ミナト」</h1>
<p>このボイスは有名声優の声を学習させました。サンプルを聞いてください。</p>
<audio controls src="${voiceUrl}"></audio>
<div style="height:1600px;background:linear-gradient(#fff,#dde)">long page</div>
<p id="end">end of page</p>
</body></html>`;

function handler(site: CaptureSite, voice: Buffer, ogVoice: Buffer): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    site.requests.push({ path: url.pathname, cookie: req.headers.cookie });
    const redirect = (to: string, code = 302) => {
      res.writeHead(code, { location: to });
      res.end();
    };
    switch (url.pathname) {
      case '/start':
        return redirect('/hop', 302);
      case '/hop':
        return redirect('/page', 301);
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-test-site': 'seimon', 'set-cookie': 'seen=1' });
        return res.end(PAGE('/media/voice.wav'));
      case '/media/voice.wav':
        res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': voice.length, 'x-media': 'yes' });
        return res.end(voice);
      case '/media/og-voice.wav':
        res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': ogVoice.length });
        return res.end(ogVoice);
      case '/media/members-only.wav':
        res.writeHead(403, { 'content-type': 'text/plain' });
        return res.end('sign in first');
      case '/media/page.html':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<p>not audio</p>');
      case '/tricky':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(`<!doctype html><html><head><title>tricky</title><meta property="og:video" content="/live/stream.m3u8"></head><body>
<audio src="/media/members-only.wav"></audio><video src="/media/page.html"></video></body></html>`);
      case '/leaky':
        // A public-looking page that pulls an image from, and links a frame to, the loopback address.
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(`<!doctype html><title>leaky</title><p>public page</p><img src="http://127.0.0.1:${(req.socket.localPort ?? 0)}/secret.png">`);
      case '/to-private':
        return redirect(`http://127.0.0.1:${req.socket.localPort ?? 0}/page`);
      case '/secret.png':
        res.writeHead(200, { 'content-type': 'image/png' });
        return res.end();
      case '/loop':
        return redirect('/loop2');
      case '/loop2':
        return redirect('/loop');
      case '/big':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(`<p>${'x'.repeat(3 * 1024 * 1024)}</p>`);
      case '/slow':
        return; // never answers
      case '/download':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="setup.exe"' });
        return res.end(Buffer.from('MZ not really a program'));
      default:
        res.writeHead(404);
        return res.end();
    }
  };
}

const listen = (server: http.Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** Starts the site on two loopback ports (HTTP and HTTPS); `voice` replaces the <audio> element's file. */
export async function startCaptureSite(opts: { voice?: Buffer } = {}): Promise<CaptureSite> {
  const rate = 16000;
  const tone = sine(220, rate, 3, 0.3);
  const noise = whiteNoise(rate, 3, 0.05, 7);
  const voice = opts.voice ?? makeWav([tone.map((v, i) => v + noise[i]!)], { sampleRate: rate, format: 'int', bits: 16 });
  const ogVoice = makeWav([sine(330, rate, 2, 0.3)], { sampleRate: rate, format: 'int', bits: 16 });
  const { key, cert } = selfSignedCert();
  const x509 = new X509Certificate(cert);
  const spki = createHash('sha256').update(x509.publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  const site = { requests: [], spki, certPem: cert, certFingerprint: x509.fingerprint256, voice } as unknown as CaptureSite;
  const plain = http.createServer(handler(site, voice, ogVoice));
  const secure = https.createServer({ key, cert }, handler(site, voice, ogVoice));
  const sockets = new Set<Socket>();
  for (const s of [plain, secure]) s.on('connection', (c) => (sockets.add(c), c.on('close', () => sockets.delete(c))));
  site.http = `http://127.0.0.1:${await listen(plain)}`;
  site.https = `https://127.0.0.1:${await listen(secure)}`;
  site.close = async () => {
    for (const c of sockets) c.destroy();
    await Promise.all([plain, secure].map((s) => new Promise((r) => s.close(r))));
  };
  return site;
}
