import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { walkAuditChain } from '../../../src/evidence/audit-chain.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { loadSigningKey } from '../../../src/evidence/signing-key.js';
import { listAudit } from '../../../src/store/audit.js';
import { contentPath } from '../../../src/store/content.js';
import { cli } from '../../helpers/cli-run.js';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { buildWorkbench, op } from './fixture.js';
import type { Workbench } from './fixture.js';
import { dataOffset, forge, patchAll, replaceIn, repack, unpack } from './zip-tools.js';

if (!hasShared) console.warn(`[evidence] ${SHARED_SKIP_MESSAGE}`);
const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

describe.skipIf(!hasShared)('evidence packs (real core, starter model, real speech)', () => {
  const dir = freshDataDir('seimon-evidence');
  const work = freshDataDir('seimon-evidence-out');
  const pack = path.join(work, 'case.zip');
  let ctx: CoreContext;
  let wb: Workbench;
  let fp = '';
  const copy = (name: string) => {
    const f = path.join(work, name);
    fs.copyFileSync(pack, f);
    return f;
  };
  const flip = (file: string, at: number) => {
    const b = fs.readFileSync(file);
    b[at] = (b[at] as number) ^ 0x01;
    fs.writeFileSync(file, b);
  };
  const check = (p: string, keys: string[] = []) => op(ctx, 'evidence.verifyPath', { path: p, keys });
  const member = (name: string) => Buffer.from(unpack(pack).find((e) => e.name === name)!.source as Uint8Array);

  beforeAll(async () => {
    ctx = openCore(dir, 'test');
    wb = await buildWorkbench(ctx);
    await exportEvidencePack(ctx, { caseId: wb.caseId, out: pack, lang: 'ja', audience: 'recipient' });
    fp = (await op(ctx, 'evidence.key', {})).fingerprint;
  });
  afterAll(() => closeCore(ctx));

  it('verifies the fresh pack as signed by a known key, container as written, matching the audit record', async () => {
    const r = await check(pack);
    expect(r).toMatchObject({ ok: true, verdict: 'verified', container: 'original', caseId: wb.caseId, redacted: true, signer: { fingerprint: fp, known: true } });
    expect(r.record).toMatchObject({ status: 'match' });
    expect(fp).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const out = await cli(['--data-dir', dir, 'verify', pack]);
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/^contents intact .*container as written\nsigned by a known key/);
  });

  it('keeps the private key owner-only and audits the export with the pack SHA-256', () => {
    const keyFile = path.join(dir, 'keys', 'installation-ed25519.key');
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const exp = listAudit(ctx.db, { objectId: wb.caseId }).find((e) => e.action === 'evidence.export');
    const sha = spawnSync('sha256sum', [pack], { encoding: 'utf8' }).stdout.split(' ')[0];
    expect(exp?.details.sha256).toBe(sha);
    expect(walkAuditChain(ctx.db).ok).toBe(true);
  });

  it('holds manifest, signatures, public key, SHA256SUMS, VERIFY.txt, clips, scores, audit and reports; a recipient pack has no reference audio', () => {
    const names = unpack(pack).map((e) => e.name);
    for (const n of ['manifest.json', 'signature.json', 'manifest.sig', 'signing-key.pem', 'SHA256SUMS', 'VERIFY.txt', 'report.html', 'report.pdf', 'scores/scores.csv', 'audit/audit-log.json'])
      expect(names).toContain(n);
    expect(names.some((n) => n.startsWith('references/audio/'))).toBe(false);
    expect(names.some((n) => n.startsWith('scores/standing-all-performers'))).toBe(false);
    const manifest = JSON.parse(member('manifest.json').toString()) as {
      redaction: unknown;
      examiner: unknown;
      timestamp: { status: string };
      parameters: { windowSeconds: number; hopSeconds: number; scoreHopSeconds: number; scoring: string };
    };
    // Both window plans are stated, so a stranger can recompute the scores and the timeline's windows.
    expect(manifest.parameters).toMatchObject({ windowSeconds: 3, hopSeconds: 1.5, scoreHopSeconds: 3 });
    expect(manifest.parameters.scoring).toContain('3 s windows tiling the speech, hop 3 s');
    expect(manifest.parameters.scoring).toContain('timeline = one score per 3 s window of the clip, hop 1.5 s');
    expect(manifest.redaction).toEqual({ recipient: true, referenceAudio: false, otherPerformers: false, internalNotes: false });
    expect(manifest.examiner).toEqual({ name: '山田 鑑定', role: '日本俳優連合 権利保護担当' });
    expect(manifest.timestamp.status).toBe('not-configured');
  });

  it('escapes user text in the HTML report, states the method, names the examiner and prints the key', () => {
    const html = member('report.html').toString();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('類似度は本人性の証明ではなく補強証拠です');
    expect(html).toContain('山田 鑑定');
    expect(html).toContain(`<meta name="seimon-signing-key" content="${fp}">`);
  });

  it.skipIf(!has('pdftotext') || !has('pdffonts'))('writes a PDF with extractable Japanese text and an embedded font subset', () => {
    const pdf = path.join(work, 'report.pdf');
    fs.writeFileSync(pdf, member('report.pdf'));
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('類似度は本人性の証明ではなく補強証拠です');
    expect(text).toContain(wb.caseId);
    expect(text).toContain('検討する命題');
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('fails with a code naming the member when a byte is flipped in any member', async () => {
    const expected: Record<string, string> = { 'manifest.json': 'EVIDENCE_SIGNATURE_BAD', 'signature.json': 'EVIDENCE_SIGNATURE_BAD', 'manifest.sig': 'EVIDENCE_SIGNATURE_BAD', 'signing-key.pem': 'EVIDENCE_KEY_MISMATCH' };
    const entries = unpack(pack);
    expect(entries.length).toBeGreaterThan(12);
    for (const [i, e] of entries.entries()) {
      const size = (e.source as Uint8Array).byteLength;
      const f = copy(`flip-${i}.zip`);
      flip(f, dataOffset(f, e.name) + Math.min(size - 1, 40));
      const r = await check(f);
      expect(r.verdict, e.name).toBe('failed');
      expect(r.problem?.code, e.name).toBe(expected[e.name] ?? 'EVIDENCE_MEMBER_CHANGED');
      if (!expected[e.name]) expect(r.problem?.file, e.name).toBe(e.name);
    }
  });

  it('added, removed and renamed members fail, naming the file; the CLI exits 1 with the code', async () => {
    const entries = unpack(pack);
    const added = path.join(work, 'added.zip');
    repack(added, [...entries, { name: 'extra.txt', source: Buffer.from('hello') }]);
    expect((await check(added)).problem).toMatchObject({ code: 'EVIDENCE_MEMBER_EXTRA', file: 'extra.txt' });
    const removed = path.join(work, 'removed.zip');
    repack(removed, entries.filter((e) => e.name !== 'scores/scores.csv'));
    expect((await check(removed)).problem).toMatchObject({ code: 'EVIDENCE_MEMBER_MISSING', file: 'scores/scores.csv' });
    const renamed = path.join(work, 'renamed.zip');
    repack(renamed, entries.map((e) => (e.name === 'scores/scores.csv' ? { name: 'scores/scorez.csv', source: e.source } : e)));
    expect((await check(renamed)).problem).toMatchObject({ code: 'EVIDENCE_MEMBER_EXTRA', file: 'scores/scorez.csv' });
    const r = await cli(['--data-dir', dir, 'verify', removed]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('scores/scores.csv');
    expect(r.err).toContain('EVIDENCE_MEMBER_MISSING');
  });

  it('reordered entries: contents intact, container re-packed, and the audit record mismatch is reported', async () => {
    const entries = unpack(pack);
    const swapped = [entries[1]!, entries[0]!, ...entries.slice(2)];
    const f = path.join(work, 'reordered.zip');
    repack(f, swapped);
    const r = await check(f);
    expect(r).toMatchObject({ verdict: 'verified', container: 'repacked' });
    expect(r.record).toMatchObject({ status: 'mismatch', recordedSha256: spawnSync('sha256sum', [pack], { encoding: 'utf8' }).stdout.slice(0, 64) });
    const header = copy('header-flip.zip');
    flip(header, 10); // the first local header's time field: not a member byte
    expect(await check(header)).toMatchObject({ verdict: 'verified', container: 'repacked' });
  });

  it.skipIf(!has('unzip') || !has('zip'))('an extracted folder and a re-pack with zip (stored or deflated) verify as intact, container re-packed', async () => {
    const folder = path.join(work, 'extracted');
    expect(spawnSync('unzip', ['-q', pack, '-d', folder]).status).toBe(0);
    expect(await check(folder)).toMatchObject({ verdict: 'verified', container: 'folder' });
    const out = await cli(['--data-dir', dir, 'verify', folder]);
    expect(out.code).toBe(0);
    expect(out.out).toContain('extracted folder');
    for (const [name, flags] of [['stored.zip', ['-0', '-X', '-r']], ['deflated.zip', ['-X', '-r']]] as const) {
      const z = path.join(work, name);
      expect(spawnSync('zip', ['-q', ...flags, z, '.'], { cwd: folder }).status).toBe(0);
      const r = await check(z);
      expect(r, name).toMatchObject({ verdict: 'verified', container: 'repacked' });
      expect(r.record.status).toBe('mismatch');
    }
  });

  it('a pack re-signed with a fresh key fails or reads "unknown key", never plain verified', async () => {
    const fresh = loadSigningKey(freshDataDir('seimon-forger')).key;
    const entries = unpack(pack);
    const otherSha = (ctx.db.prepare("SELECT sha256 FROM recordings WHERE role = 'reference' AND performer_id != ? LIMIT 1").get(wb.performerId) as { sha256: string }).sha256;
    const other = fs.readFileSync(contentPath(dir, otherSha));
    const swapClip = (es: typeof entries) => es.map((e) => (e.name.startsWith('clips/') ? { name: e.name, source: other } : e));
    // 1. The manifest still names the installation key.
    const named = path.join(work, 'forged-named.zip');
    repack(named, forge(entries, fresh, { manifestNamesKey: fp, change: swapClip }));
    expect((await check(named)).problem).toMatchObject({ code: 'EVIDENCE_KEY_MISMATCH', file: 'manifest.json' });
    // 2. The manifest names the fresh key but the reports still print the old one.
    const reports = path.join(work, 'forged-reports.zip');
    repack(reports, forge(entries, fresh, { manifestNamesKey: fresh.fingerprint, change: swapClip }));
    expect((await check(reports)).problem).toMatchObject({ code: 'EVIDENCE_REPORT_KEY_MISMATCH', file: 'report.html' });
    // 2b. The HTML report re-keyed but the PDF still printing the old key.
    const pdfOnly = path.join(work, 'forged-pdf.zip');
    const htmlOnly = (es: typeof entries) => swapClip(es).map((e) => (e.name === 'report.html' ? replaceIn(e, fp, fresh.fingerprint) : e));
    repack(pdfOnly, forge(entries, fresh, { manifestNamesKey: fresh.fingerprint, change: htmlOnly }));
    expect((await check(pdfOnly)).problem).toMatchObject({ code: 'EVIDENCE_REPORT_KEY_MISMATCH', file: 'report.pdf' });
    // 3. Everything consistent with the fresh key: intact, but signed by an unknown key.
    const consistent = path.join(work, 'forged-consistent.zip');
    const fix = (es: typeof entries) => swapClip(es).map((e) => (e.name.startsWith('report.') ? replaceIn(e, fp, fresh.fingerprint) : e));
    repack(consistent, forge(entries, fresh, { manifestNamesKey: fresh.fingerprint, change: fix }));
    const r = await check(consistent);
    expect(r).toMatchObject({ ok: false, verdict: 'unknown-key', signer: { fingerprint: fresh.fingerprint, known: false }, problem: { code: 'EVIDENCE_UNKNOWN_KEY' } });
    const out = await cli(['--data-dir', dir, 'verify', consistent]);
    expect(out.code).toBe(1);
    expect(out.out).toContain('UNKNOWN key');
    // With the forger's key named explicitly it verifies as theirs, not ours.
    expect(await check(consistent, [fresh.fingerprint])).toMatchObject({ verdict: 'verified', signer: { fingerprint: fresh.fingerprint, label: 'given with --key' } });
  });

  it('refuses entries with ../ or absolute paths, and duplicate names', async () => {
    const entries = unpack(pack);
    for (const [placeholder, evil] of [['zz/x', '../x'], ['zetc/x', '/etc/x'], ['cz\\w', 'C:\\w']] as const) {
      const f = path.join(work, `evil-${evil.length}-${placeholder.length}.zip`);
      repack(f, [...entries, { name: placeholder, source: Buffer.from('pwned') }]);
      patchAll(f, placeholder, evil);
      expect((await check(f)).problem, evil).toMatchObject({ code: 'EVIDENCE_UNSAFE_NAME', file: evil });
    }
    const dup = path.join(work, 'dup.zip');
    repack(dup, [...entries, { name: 'REPORT.HTML', source: Buffer.from('<p>other</p>') }]);
    expect((await check(dup)).problem).toMatchObject({ code: 'EVIDENCE_DUPLICATE_MEMBER' });
  });

  it('a missing path, a file that is not a pack and a bad --key get specific codes, never INTERNAL', async () => {
    const none = await cli(['--data-dir', dir, 'verify', path.join(work, 'nope.zip')]);
    expect(none.code).toBe(1);
    expect(none.err).toContain('EVIDENCE_PACK_NOT_FOUND');
    const junk = path.join(work, 'junk.zip');
    fs.writeFileSync(junk, 'not a zip at all');
    const j = await cli(['--data-dir', dir, 'verify', junk]);
    expect(j.err).toContain('EVIDENCE_PACK_UNREADABLE');
    const k = await cli(['--data-dir', dir, 'verify', pack, '--key', 'zzzz']);
    expect(k.code).toBe(2);
    expect(k.err).toContain('EVIDENCE_BAD_KEY');
    const ca = await cli(['--data-dir', dir, 'verify', pack, '--tsa-ca', path.join(work, 'no-ca.pem')]);
    expect(ca.err).toContain('EVIDENCE_TSA_CA_UNREADABLE');
    // A fingerprint typed without spaces, in capitals, is the same key.
    const typed = await cli(['--data-dir', freshDataDir('seimon-stranger'), 'verify', pack, '--key', fp.replace(/ /g, '').toUpperCase()]);
    expect(typed.code).toBe(0);
    expect(typed.out).toContain('signed by a known key');
    const stranger = await cli(['--data-dir', freshDataDir('seimon-stranger2'), 'verify', pack]);
    expect(stranger.code).toBe(1);
    expect(stranger.out).toContain('UNKNOWN key');
    for (const x of [none, j, k, ca]) expect(x.err).not.toContain('INTERNAL');
  });

  it('internal packs include reference audio and other performers only when ticked; recipient packs refuse them; exports need an examiner', async () => {
    const withRefs = path.join(work, 'with-refs.zip');
    const rec = await exportEvidencePack(ctx, { caseId: wb.caseId, out: withRefs, lang: 'en', audience: 'internal', includeReferenceAudio: true, includeOtherPerformers: true });
    expect(rec).toMatchObject({ redacted: false, withReferenceAudio: true, withOtherPerformers: true });
    expect(await check(withRefs)).toMatchObject({ verdict: 'verified', redacted: false });
    const entries = unpack(withRefs);
    expect(entries.some((e) => e.name.startsWith('references/audio/'))).toBe(true);
    expect(entries.some((e) => e.name.startsWith('scores/standing-all-performers'))).toBe(true);
    const html = Buffer.from(entries.find((e) => e.name === 'report.html')!.source as Uint8Array).toString();
    expect(html).toContain('Similarity is supporting evidence, not proof of identity');
    await expect(exportEvidencePack(ctx, { caseId: wb.caseId, out: path.join(work, 'x.zip'), lang: 'en', audience: 'recipient', includeReferenceAudio: true })).rejects.toMatchObject({ code: 'EVIDENCE_REDACTION_CONFLICT' });
    await op(ctx, 'evidence.updateSettings', { examiner: null });
    await expect(exportEvidencePack(ctx, { caseId: wb.caseId, out: path.join(work, 'y.zip'), lang: 'en', audience: 'recipient' })).rejects.toMatchObject({ code: 'EVIDENCE_NO_EXAMINER' });
    await op(ctx, 'evidence.updateSettings', { examiner: { name: '山田 鑑定', role: '日本俳優連合 権利保護担当' } });
  });

  it('API evidence.export writes a redacted pack into <dataDir>/exports; evidence.verify checks it by name; keys rotate and stay trusted', async () => {
    const rec = await op(ctx, 'evidence.export', { caseId: wb.caseId, lang: 'ja' });
    expect(rec).toMatchObject({ redacted: true, withReferenceAudio: false, withOtherPerformers: false, signingKey: fp });
    expect(fs.existsSync(path.join(dir, 'exports', rec.fileName))).toBe(true);
    expect(await op(ctx, 'evidence.verify', { fileName: rec.fileName })).toMatchObject({ ok: true, verdict: 'verified', record: { status: 'match' } });
    const detail = await op(ctx, 'cases.get', { id: wb.caseId });
    expect(detail.exports.find((e) => e.fileName === rec.fileName)?.redacted).toBe(true);
    const next = await op(ctx, 'evidence.rotateKey', {});
    expect(next.fingerprint).not.toBe(fp);
    const keys = await op(ctx, 'evidence.keys', {});
    expect(keys.find((k) => k.fingerprint === fp)?.retiredAt).not.toBeNull();
    expect(await op(ctx, 'evidence.verify', { fileName: rec.fileName })).toMatchObject({ verdict: 'verified', signer: { label: 'installation (retired)' } });
  });
});
