// A captured page in the evidence pack and the report: artefacts under captures/, the chain of
// custody in captures/captures.json, a report section with the URL and time, and the pack verifies.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLauncher } from '../../../src/cli/capture-browser.js';
import { closeCore } from '../../../src/store/open-core.js';
import { chromiumMissing } from '../../e2e/harness.js';
import { freshDataDir } from '../../helpers/paths.js';
import { startCaptureSite } from '../../helpers/capture-site.js';
import type { CaptureSite } from '../../helpers/capture-site.js';
import { unpack } from '../evidence/zip-tools.js';
import { checkTimestampToken } from '../../../src/evidence/timestamp/verify-token.js';
import { hasOpenssl, startLoopbackTsa } from '../../helpers/loopback-tsa.js';
import type { LoopbackTsa } from '../../helpers/loopback-tsa.js';
import { LINES, bytesOf, fixtureCore, hasEspeak, op, speech, withoutBundledModels } from '../workbench/helpers.js';

const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(chromiumMissing || !hasEspeak || !hasOpenssl)('captures in the evidence pack and report', () => {
  let site: CaptureSite;
  let tsa: LoopbackTsa;
  const dir = freshDataDir('seimon-capture-pack-audio');
  beforeAll(async () => {
    withoutBundledModels();
    site = await startCaptureSite({ voice: fs.readFileSync(speech(dir, 'suspect.wav', `${LINES[0]} ${LINES[1]}`)) });
    tsa = await startLoopbackTsa(path.join(dir, 'tsa'));
  });
  afterAll(async () => {
    await site?.close();
    await tsa?.close();
  });

  it('packs each capture’s artefacts with their hashes, and the report shows the page with its URL and time', async () => {
    const ctx = await fixtureCore('seimon-capture-pack');
    ctx.browser = chromiumLauncher({ trustedSpki: [site.spki] });
    const p = await op(ctx, 'performers.create', { name: '青木 葵' });
    await op(ctx, 'references.import', { performerId: p.id, name: 'ref.wav', bytes: bytesOf(speech(dir, 'ref.wav', `${LINES[2]} ${LINES[3]}`)) });
    await op(ctx, 'performers.enroll', { id: p.id });
    // A real RFC 3161 authority on loopback (openssl ts): the capture's manifest gets a token.
    await op(ctx, 'evidence.updateSettings', { examiner: { name: '鑑定 太郎', role: '事務局' }, tsaUrl: tsa.url });
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'ミナト' });
    const r = await op(ctx, 'captures.start', { suspectId: s.id, url: `${site.https}/start`, allowPrivate: true });
    // The HTTPS media needs the test's own certificate: fetched through the workflow with it.
    const { fetchCaptureMedia } = await import('../../../src/capture/media-fetch.js');
    const got = await fetchCaptureMedia(ctx, r.capture.media[0]!.id, { ca: [site.certPem] });
    expect(got.recording?.sha256).toBe(sha(site.voice));
    const c = await op(ctx, 'cases.create', { performerIds: [p.id], suspectIds: [s.id], platform: 'ボイスシェア' });
    // The printout with the URL visible, offered to the case's letters as an attachment.
    const printouts = await op(ctx, 'letters.printouts', { caseId: c.id });
    const printout = r.capture.artefacts.find((a) => a.kind === 'printout')!;
    expect(printouts).toEqual([expect.objectContaining({ captureId: r.capture.id, suspectId: s.id, suspectLabel: 'ミナト', finalUrl: `${site.https}/page`, sha256: printout.sha256 })]);
    expect(sha(await op(ctx, 'captures.artefact', { captureId: r.capture.id, kind: 'printout' }))).toBe(printout.sha256);
    expect(r.capture.timestamp).toMatchObject({ state: 'stamped', authority: tsa.url, note: null });
    expect(Math.abs(Date.parse(r.capture.timestamp.genTime!) - Date.parse(r.capture.capturedAt))).toBeLessThan(60_000);
    const exp = await op(ctx, 'evidence.export', { caseId: c.id, lang: 'ja' });
    expect(await op(ctx, 'evidence.verify', { fileName: exp.fileName })).toMatchObject({ ok: true });

    const entries = new Map(unpack(path.join(ctx.dataDir, 'exports', exp.fileName)).map((e) => [e.name, e.source as Buffer]));
    const cap = r.capture;
    for (const a of cap.artefacts) {
      const name = [...entries.keys()].find((n) => n.startsWith(`captures/${cap.id}/`) && sha(entries.get(n)!) === a.sha256);
      expect(name, a.kind).toBeDefined();
    }
    const token = entries.get(`captures/${cap.id}/capture-manifest.tsr`)!;
    expect(sha(token)).toBe(cap.timestamp.tokenSha256);
    const check = await checkTimestampToken(token, entries.get(`captures/${cap.id}/capture-manifest.json`)!, [tsa.caPem]);
    expect(check).toMatchObject({ ok: true, chainTrusted: true });
    // The token is over the manifest exactly: another manifest does not check.
    expect(await checkTimestampToken(token, Buffer.from('{}'), [tsa.caPem])).toMatchObject({ ok: false });
    const chain = JSON.parse(entries.get('captures/captures.json')!.toString('utf8'));
    expect(chain.captures[0]).toMatchObject({ captureId: cap.id, finalUrl: `${site.https}/page`, capturedBy: 'test', manifestSha256: cap.manifestSha256, browser: { name: 'Chromium' } });
    expect(chain.captures[0].media[0]).toMatchObject({ state: 'fetched', sha256: sha(site.voice) });
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(`captures/${cap.id}/screenshot.png`);
    const audit = JSON.parse(entries.get('audit/audit-log.json')!.toString('utf8'));
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['capture.create', 'capture.media.fetch']));

    const html = entries.get('report.html')!.toString('utf8');
    expect(html).toContain('取得したページ');
    expect(html).toContain(cap.manifestSha256);
    expect(html).toContain('RFC 3161 トークンあり');
    const pdf = path.join(dir, 'report.pdf');
    fs.writeFileSync(pdf, entries.get('report.pdf')!);
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8');
    expect(text).toContain('取得したページ');
    expect(text).toContain(`${site.https}/page`);
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(dir, 'report')]);
    closeCore(ctx);
  }, 240_000);
});
