// Captures against a loopback web site started by the test (HTTP and HTTPS with a self-signed
// certificate made by openssl), driven through the real Chromium, stored in a real data folder.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { capturePage } from '../../../src/capture/capture.js';
import { fetchCaptureMedia } from '../../../src/capture/media-fetch.js';
import { chromiumLauncher } from '../../../src/cli/capture-browser.js';
import { listAudit } from '../../../src/store/audit.js';
import { findLeftovers } from '../../../src/workbench/sweep.js';
import { contentPath } from '../../../src/store/content.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { chromiumMissing } from '../../e2e/harness.js';
import { freshDataDir } from '../../helpers/paths.js';
import { startCaptureSite } from '../../helpers/capture-site.js';
import type { CaptureSite } from '../../helpers/capture-site.js';
import { op, opError } from '../workbench/helpers.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = (ctx: CoreContext, sha256: string) => fs.readFileSync(contentPath(ctx.dataDir, sha256));

describe.skipIf(chromiumMissing)('capturing the page a suspect voice was found on', () => {
  let site: CaptureSite;
  let launches = 0;
  const fresh = () => {
    const ctx = openCore(freshDataDir('seimon-capture'), 'tester');
    const launch = chromiumLauncher({ trustedSpki: [site.spki] });
    ctx.browser = () => (launches++, launch());
    return ctx;
  };

  beforeAll(async () => {
    site = await startCaptureSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('records an HTTPS page after its redirects: every artefact stored under its SHA-256, certificate, headers, metadata prefilled', async () => {
    const ctx = fresh();
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: '疑義クリップ' });
    site.requests.length = 0;
    const r = await capturePage(ctx, { suspectId: s.id, url: `${site.https}/start`, allowPrivate: true });
    const c = r.capture;
    expect(c.requestedUrl).toBe(`${site.https}/start`);
    expect(c.finalUrl).toBe(`${site.https}/page`);
    expect(c.redirects).toEqual([
      { url: `${site.https}/start`, status: 302, location: '/hop' },
      { url: `${site.https}/hop`, status: 301, location: '/page' },
    ]);
    expect(c.httpStatus).toBe(200);
    expect(c.responseHeaders['x-test-site']).toBe('seimon');
    expect(c.tls?.subject).toBe('Seimon Test Site');
    expect(c.tls?.issuer).toBe('Seimon Test Site');
    expect(c.tls?.sha256Fingerprint).toBe(site.certFingerprint);
    expect(c.tls?.sanList).toContain('127.0.0.1');
    expect(c.browser.name).toBe('Chromium');
    expect(c.browser.version).toMatch(/^\d+\.\d+/);
    expect(Math.abs(Date.parse(c.capturedAt) - Date.now())).toBeLessThan(60_000);
    // A fresh profile: the site never saw a cookie from anywhere else.
    expect(site.requests.find((q) => q.path === '/start')?.cookie).toBeUndefined();

    const kinds = c.artefacts.map((a) => a.kind).sort();
    expect(kinds).toEqual(['manifest', 'mhtml', 'printout', 'screenshot', 'text']);
    for (const a of c.artefacts) {
      const bytes = stored(ctx, a.sha256);
      expect(sha(bytes)).toBe(a.sha256);
      expect(bytes.length).toBe(a.sizeBytes);
    }
    const art = (k: string) => stored(ctx, c.artefacts.find((a) => a.kind === k)!.sha256);
    const png = art('screenshot');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(20)).toBeGreaterThan(1600); // the whole page, not the viewport
    expect(art('mhtml').toString('utf8')).toContain(`Snapshot-Content-Location: ${site.https}/page`);
    expect(art('text').toString('utf8')).toContain('有名声優の声を学習させました');
    const manifest = JSON.parse(art('manifest').toString('utf8'));
    expect(sha(art('manifest'))).toBe(c.manifestSha256);
    expect(manifest.captureId).toBe(c.id);
    expect(manifest.artefacts.map((a: { sha256: string }) => a.sha256).sort()).toEqual(c.artefacts.filter((a) => a.kind !== 'manifest').map((a) => a.sha256).sort());
    expect(manifest.tls.sha256Fingerprint).toBe(site.certFingerprint);
    const pdf = path.join(freshDataDir('seimon-printout'), 'p.pdf');
    fs.writeFileSync(pdf, art('printout'));
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8');
    expect(text).toContain(`${site.https}/page`);
    expect(text).toContain(c.artefacts.find((a) => a.kind === 'screenshot')!.sha256);
    expect(c.timestamp.state).toBe('none');
    expect(c.timestamp.note).toMatch(/time-stamp authority/);

    // Metadata: what the page declares, marked as from the page with this capture.
    expect(c.metadata.sources).toMatchObject({ title: 'og:title', uploader: 'json-ld:author', postedAt: 'article:published_time', siteName: 'og:site_name' });
    expect(r.prefilled.sort()).toEqual(['capturedAt', 'platform', 'postTitle', 'postedAt', 'uploader', 'url']);
    const after = await op(ctx, 'suspects.get', { id: s.id });
    expect(after).toMatchObject({ postTitle: '新作AIボイス「ミナト」サンプル', uploader: 'voice_uploader_42', platform: 'ボイスシェア', postedAt: '2026-11-20T09:30:00+09:00', url: `${site.https}/page`, capturedAt: c.capturedAt });
    expect(after.fieldSources.every((f) => f.captureId === c.id && f.confirmedAt === null)).toBe(true);

    const entry = listAudit(ctx.db, { objectId: s.id }).find((e) => e.action === 'capture.create');
    expect(entry?.details).toMatchObject({ captureId: c.id, manifestSha256: c.manifestSha256, finalUrl: `${site.https}/page` });

    // Media: the <audio> element and og:audio, fetched into the suspect's clips with URL, headers and hash.
    expect(c.media.map((m) => [m.origin, m.url, m.state])).toEqual([
      ['audio-element', `${site.https}/media/voice.wav`, 'offered'],
      ['og:audio', `${site.https}/media/og-voice.wav`, 'offered'],
    ]);
    const got = await fetchCaptureMedia(ctx, c.media[0]!.id, { ca: [site.certPem] });
    expect(got.media.state).toBe('fetched');
    expect(got.media.sha256).toBe(sha(site.voice));
    expect(got.media.responseHeaders?.['x-media']).toBe('yes');
    expect(got.recording?.sha256).toBe(sha(site.voice));
    const clips = (await op(ctx, 'suspects.get', { id: s.id })).clips;
    expect(clips.map((k) => k.sha256)).toEqual([sha(site.voice)]);
    expect(clips[0]!.originalName).toBe('voice.wav');
    // The start-up sweep and `seimon doctor` keep capture artefacts: nothing is an orphan.
    expect(findLeftovers(ctx).filter((f) => f.kind === 'orphan-audio')).toEqual([]);
    expect(fs.readdirSync(path.join(ctx.dataDir, 'audio')).filter((f) => f.startsWith('.'))).toEqual([]); // no import marks left
    closeCore(ctx);
  }, 120_000);

  it('works through the handler map over plain HTTP: media fetched, prefilled values confirmed or edited with history', async () => {
    const ctx = fresh();
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'clip', uploader: 'typed-by-staff' });
    // A time-stamp authority that does not answer: the capture is kept, and says it has no token and why.
    await op(ctx, 'evidence.updateSettings', { tsaUrl: 'http://127.0.0.1:9/tsr' });
    const r = await op(ctx, 'captures.start', { suspectId: s.id, url: `${site.http}/start`, allowPrivate: true });
    expect(r.capture.timestamp).toMatchObject({ state: 'failed', authority: 'http://127.0.0.1:9/tsr', tokenSha256: null });
    expect(r.capture.timestamp.note).toMatch(/system clock of this computer only/);
    expect(r.capture.artefacts.map((a) => a.kind)).not.toContain('timestamp');
    expect(r.capture.tls).toBeNull();
    expect(r.prefilled).not.toContain('uploader');
    expect(r.differing).toEqual([{ field: 'uploader', pageValue: 'voice_uploader_42', current: 'typed-by-staff' }]);
    const fetched = await op(ctx, 'captures.fetchMedia', { mediaId: r.capture.media[1]!.id });
    expect(fetched.media.state).toBe('fetched');
    expect(await opError(ctx, 'captures.fetchMedia', { mediaId: r.capture.media[1]!.id })).toBe('CAPTURE_MEDIA_DONE');
    const png = await op(ctx, 'captures.artefact', { captureId: r.capture.id, kind: 'screenshot' });
    expect(sha(Buffer.from(png))).toBe(r.capture.artefacts.find((a) => a.kind === 'screenshot')!.sha256);

    const confirmed = await op(ctx, 'suspects.confirmField', { id: s.id, field: 'postTitle' });
    expect(confirmed.fieldSources.find((f) => f.field === 'postTitle')?.confirmedAt).not.toBeNull();
    expect(await opError(ctx, 'suspects.confirmField', { id: s.id, field: 'uploader' })).toBe('NOT_FOUND');
    const edited = await op(ctx, 'suspects.update', { id: s.id, platform: 'VoiceShare (EN)' });
    expect(edited.fieldSources.map((f) => f.field)).not.toContain('platform');
    const history = await op(ctx, 'suspects.fieldHistory', { id: s.id });
    expect(history.filter((h) => h.field === 'platform').map((h) => [h.source, h.oldValue, h.newValue, h.captureId])).toEqual([
      ['page', null, 'ボイスシェア', r.capture.id],
      ['user', 'ボイスシェア', 'VoiceShare (EN)', null],
    ]);
    expect((await op(ctx, 'captures.list', { suspectId: s.id })).map((c) => c.id)).toEqual([r.capture.id]);

    // Removing the suspect removes its captures and their stored files (nothing else names them).
    const files = r.capture.artefacts.map((a) => contentPath(ctx.dataDir, a.sha256));
    expect(files.every((f) => fs.existsSync(f))).toBe(true);
    await op(ctx, 'suspects.remove', { id: s.id });
    expect(files.filter((f) => fs.existsSync(f))).toEqual([]);
    expect(await opError(ctx, 'captures.list', { suspectId: s.id })).toBe('NOT_FOUND');
    closeCore(ctx);
  }, 120_000);

  it('says why media cannot be fetched: a stream, a sign-in wall, a web page instead of audio', async () => {
    const ctx = fresh();
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'tricky' });
    const r = await op(ctx, 'captures.start', { suspectId: s.id, url: `${site.http}/tricky`, allowPrivate: true });
    const by = (end: string) => r.capture.media.find((m) => m.url.endsWith(end))!;
    expect([by('stream.m3u8').state, by('stream.m3u8').reason]).toEqual(['not-fetchable', 'stream']);
    expect(await opError(ctx, 'captures.fetchMedia', { mediaId: by('stream.m3u8').id })).toBe('CAPTURE_MEDIA_NOT_FETCHABLE');
    const signIn = await op(ctx, 'captures.fetchMedia', { mediaId: by('members-only.wav').id });
    expect([signIn.media.state, signIn.media.reason, signIn.media.httpStatus, signIn.recording]).toEqual(['not-fetchable', 'sign-in', 403, null]);
    const html = await op(ctx, 'captures.fetchMedia', { mediaId: by('page.html').id });
    expect([html.media.state, html.media.reason]).toEqual(['not-fetchable', 'not-media']);
    expect((await op(ctx, 'suspects.get', { id: s.id })).clips).toEqual([]);
    closeCore(ctx);
  }, 120_000);

  describe('refusals: nothing is stored, the suspect is unchanged', () => {
    const expectNothingStored = async (ctx: CoreContext, suspectId: string) => {
      expect(await op(ctx, 'captures.list', { suspectId })).toEqual([]);
      expect(fs.existsSync(path.join(ctx.dataDir, 'audio')) ? fs.readdirSync(path.join(ctx.dataDir, 'audio')) : []).toEqual([]);
      expect((await op(ctx, 'suspects.get', { id: suspectId })).fieldSources).toEqual([]);
    };

    it('refuses other schemes and private addresses before any browser starts', async () => {
      const ctx = fresh();
      const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'x' });
      const before = launches;
      for (const url of ['file:///etc/passwd', 'ftp://example.com/a.mp3', 'javascript:alert(1)', 'data:text/html,hi'])
        expect(await opError(ctx, 'captures.start', { suspectId: s.id, url })).toBe('CAPTURE_SCHEME_REFUSED');
      expect(await opError(ctx, 'captures.start', { suspectId: s.id, url: 'not a url' })).toBe('CAPTURE_BAD_URL');
      expect(await opError(ctx, 'captures.start', { suspectId: s.id, url: `${site.http}/page` })).toBe('CAPTURE_PRIVATE_ADDRESS');
      expect(await opError(ctx, 'captures.start', { suspectId: s.id, url: `${site.https.replace('127.0.0.1', 'localhost')}/page` })).toBe('CAPTURE_PRIVATE_ADDRESS');
      expect(launches).toBe(before);
      await expectNothingStored(ctx, s.id);
      closeCore(ctx);
    });

    it('refuses sub-requests and redirects that lead to a private address from a public-looking host', async () => {
      const ctx = fresh();
      const port = new URL(site.http).port;
      // Chromium resolves public.test to loopback; the capture's own check is told it is a public address.
      const launch = chromiumLauncher({ extraArgs: ['--host-resolver-rules=MAP public.test 127.0.0.1'] });
      ctx.browser = launch;
      const lookup = async (host: string) => (host === 'public.test' ? ['93.184.216.34'] : ['127.0.0.1']);
      const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'x' });
      site.requests.length = 0;
      const r = await capturePage(ctx, { suspectId: s.id, url: `http://public.test:${port}/leaky`, allowPrivate: false, lookup });
      expect(r.capture.blockedRequests).toEqual([{ url: `http://127.0.0.1:${port}/secret.png`, reason: 'CAPTURE_PRIVATE_ADDRESS' }]);
      expect(site.requests.map((q) => q.path)).toContain('/leaky');
      expect(site.requests.map((q) => q.path)).not.toContain('/secret.png');
      site.requests.length = 0;
      await expect(capturePage(ctx, { suspectId: s.id, url: `http://public.test:${port}/to-private`, allowPrivate: false, lookup })).rejects.toMatchObject({ code: 'CAPTURE_PRIVATE_ADDRESS' });
      expect(site.requests.map((q) => q.path)).toEqual(['/to-private']); // never /page on the loopback address
      expect((await op(ctx, 'captures.list', { suspectId: s.id })).length).toBe(1);
      closeCore(ctx);
    }, 120_000);

    it('refuses an oversize page, a page that never answers, a redirect loop and a download', async () => {
      const ctx = fresh();
      const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'x' });
      const attempt = async (p: string, limits = {}) => {
        try {
          await capturePage(ctx, { suspectId: s.id, url: `${site.http}${p}`, allowPrivate: true, limits });
          return 'captured';
        } catch (e) {
          return (e as { code: string }).code;
        }
      };
      expect(await attempt('/big', { maxBytes: 1024 * 1024 })).toBe('CAPTURE_TOO_LARGE');
      expect(await attempt('/slow', { timeoutMs: 3000 })).toBe('CAPTURE_TIMEOUT');
      expect(await attempt('/loop')).toBe('CAPTURE_REDIRECT_LOOP');
      expect(await attempt('/download', { timeoutMs: 15_000 })).toBe('CAPTURE_NOT_A_PAGE');
      await expectNothingStored(ctx, s.id);
      closeCore(ctx);
    }, 120_000);
  });
});
