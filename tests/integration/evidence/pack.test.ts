import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { walkAuditChain } from '../../../src/evidence/audit-chain.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { verifyPack } from '../../../src/evidence/verify.js';
import { listAudit } from '../../../src/store/audit.js';
import { cli } from '../../helpers/cli-run.js';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { buildWorkbench, op } from './fixture.js';
import type { Workbench } from './fixture.js';
import { dataOffset, patchAll, repack, unpack } from './zip-tools.js';

if (!hasShared) console.warn(`[evidence] ${SHARED_SKIP_MESSAGE}`);
const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

describe.skipIf(!hasShared)('evidence packs (real core, starter model, real speech)', () => {
  const dir = freshDataDir('seimon-evidence');
  const work = freshDataDir('seimon-evidence-out');
  const pack = path.join(work, 'case.zip');
  let ctx: CoreContext;
  let wb: Workbench;
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

  beforeAll(async () => {
    ctx = openCore(dir, 'test');
    wb = await buildWorkbench(ctx);
    await exportEvidencePack(ctx, { caseId: wb.caseId, out: pack, lang: 'ja', includeReferenceAudio: false });
  });
  afterAll(() => closeCore(ctx));

  it('verifies the fresh pack (API and CLI) and names the signing key', async () => {
    const r = verifyPack(pack);
    expect(r).toMatchObject({ ok: true, caseId: wb.caseId });
    const key = await op(ctx, 'evidence.key', {});
    expect(r.ok && r.fingerprint).toBe(key.fingerprint);
    expect(key.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const out = await cli(['verify', pack]);
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/^verified/);
  });

  it('keeps the private key owner-only and audits the export with the pack SHA-256', () => {
    const keyFile = path.join(dir, 'keys', 'installation-ed25519.key');
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const exp = listAudit(ctx.db, { objectId: wb.caseId }).find((e) => e.action === 'evidence.export');
    const sha = spawnSync('sha256sum', [pack], { encoding: 'utf8' }).stdout.split(' ')[0];
    expect(exp?.details.sha256).toBe(sha);
    expect(listAudit(ctx.db, { objectId: wb.caseId }).some((e) => e.action === 'comparison.score')).toBe(true);
    expect(walkAuditChain(ctx.db).ok).toBe(true);
  });

  it('holds manifest, signature, clips as captured, scores, audit entries and reports; no reference audio by default', () => {
    const names = unpack(pack).map((e) => e.name);
    for (const n of ['manifest.json', 'signature.json', 'report.html', 'report.pdf', 'scores/comparisons.json', 'scores/scores.csv', 'audit/audit-log.json', 'references/references.json'])
      expect(names).toContain(n);
    expect(names.some((n) => n.startsWith('scores/timeline-') && n.endsWith('.csv'))).toBe(true);
    expect(names.some((n) => n.startsWith('references/audio/'))).toBe(false);
    const entries = unpack(pack);
    const manifest = JSON.parse(Buffer.from(entries.find((e) => e.name === 'manifest.json')!.source as Uint8Array).toString()) as { model: { sha256: string }; files: { path: string; sha256: string }[] };
    expect(manifest.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.files.length).toBe(names.length - 2);
    const clip = entries.find((e) => e.name.startsWith('clips/'))!;
    const suspect = ctx.db.prepare('SELECT sha256 FROM recordings WHERE suspect_id = ?').get(wb.suspectId) as { sha256: string };
    expect(manifest.files.find((f) => f.path === clip.name)?.sha256).toBe(suspect.sha256);
    const audit = JSON.parse(Buffer.from(entries.find((e) => e.name === 'audit/audit-log.json')!.source as Uint8Array).toString()) as { entries: { action: string; hash: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['case.create', 'suspect-clip.import', 'reference.import', 'comparison.score']));
  });

  it('escapes user text in the HTML report and states the method', () => {
    const html = Buffer.from(unpack(pack).find((e) => e.name === 'report.html')!.source as Uint8Array).toString();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('類似度は本人性の証明ではなく補強証拠です');
  });

  it.skipIf(!has('pdftotext') || !has('pdffonts'))('writes a PDF with extractable Japanese text and an embedded font subset', () => {
    const pdf = path.join(work, 'report.pdf');
    fs.writeFileSync(pdf, unpack(pack).find((e) => e.name === 'report.pdf')!.source as Uint8Array);
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('類似度は本人性の証明ではなく補強証拠です');
    expect(text).toContain(wb.caseId);
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('fails when any byte is flipped: manifest, clip, signature, report, headers, directory, end record', () => {
    const size = fs.statSync(pack).size;
    const clipName = unpack(pack).find((e) => e.name.startsWith('clips/'))!.name;
    const cases: [string, number, RegExp][] = [
      ['manifest', dataOffset(pack, 'manifest.json') + 40, /bad signature/],
      ['clip', dataOffset(pack, clipName) + 500, /SHA-256 mismatch|CRC/],
      ['signature', dataOffset(pack, 'signature.json') + 60, /bad signature/],
      ['pdf', dataOffset(pack, 'report.pdf') + 1000, /SHA-256 mismatch|CRC/],
      ['local header time', 10, /not an intact evidence pack/],
      ['central directory', size - 22 - 30, /not an intact evidence pack/],
      ['end record', size - 5, /not an intact evidence pack/],
    ];
    for (const [label, at, why] of cases) {
      const f = copy(`flip-${label.replace(/ /g, '-')}.zip`);
      flip(f, at);
      const r = verifyPack(f);
      expect(r.ok, label).toBe(false);
      if (!r.ok) expect(r.reason, label).toMatch(why);
    }
    const clip = copy('flip-clip-name.zip');
    flip(clip, dataOffset(clip, clipName) + 100);
    expect(verifyPack(clip)).toMatchObject({ ok: false, file: clipName });
  });

  it('fails when a file is added or removed, and the CLI names the file', async () => {
    const entries = unpack(pack);
    const added = path.join(work, 'added.zip');
    repack(added, [...entries, { name: 'extra.txt', source: Buffer.from('hello') }]);
    expect(verifyPack(added)).toMatchObject({ ok: false, file: 'extra.txt' });
    const removed = path.join(work, 'removed.zip');
    repack(removed, entries.filter((e) => e.name !== 'scores/scores.csv'));
    expect(verifyPack(removed)).toMatchObject({ ok: false, file: 'scores/scores.csv' });
    const r = await cli(['verify', removed]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('scores/scores.csv');
  });

  it('refuses entries with ../ or absolute paths, and duplicate names', () => {
    const entries = unpack(pack);
    for (const [placeholder, evil] of [['zz/x', '../x'], ['zetc/x', '/etc/x'], ['cz\\w', 'C:\\w']] as const) {
      const f = path.join(work, `evil-${evil.length}-${placeholder.length}.zip`);
      repack(f, [...entries, { name: placeholder, source: Buffer.from('pwned') }]);
      patchAll(f, placeholder, evil);
      const r = verifyPack(f);
      expect(r, evil).toMatchObject({ ok: false, file: evil });
      if (!r.ok) expect(r.reason).toMatch(/^refused/);
    }
    const dup = path.join(work, 'dup.zip');
    repack(dup, [...entries, { name: 'REPORT.HTML', source: Buffer.from('<p>other</p>') }]);
    expect(verifyPack(dup)).toMatchObject({ ok: false, reason: expect.stringMatching(/duplicate/) });
  });

  it('includes reference audio only when asked, and writes English reports', async () => {
    const withRefs = path.join(work, 'with-refs.zip');
    await exportEvidencePack(ctx, { caseId: wb.caseId, out: withRefs, lang: 'en', includeReferenceAudio: true });
    expect(verifyPack(withRefs).ok).toBe(true);
    const entries = unpack(withRefs);
    expect(entries.some((e) => e.name.startsWith('references/audio/'))).toBe(true);
    const html = Buffer.from(entries.find((e) => e.name === 'report.html')!.source as Uint8Array).toString();
    expect(html).toContain('Similarity is supporting evidence, not proof of identity');
    await expect(exportEvidencePack(ctx, { caseId: wb.caseId, out: withRefs, lang: 'en', includeReferenceAudio: false })).rejects.toThrow(/already exists/);
  });

  it('API evidence.export writes into <dataDir>/exports and evidence.verify checks it by name', async () => {
    const rec = await op(ctx, 'evidence.export', { caseId: wb.caseId, lang: 'ja' });
    expect(fs.existsSync(path.join(dir, 'exports', rec.fileName))).toBe(true);
    expect(await op(ctx, 'evidence.verify', { fileName: rec.fileName })).toMatchObject({ ok: true });
    const detail = await op(ctx, 'cases.get', { id: wb.caseId });
    expect(detail.exports.map((e) => e.fileName)).toContain(rec.fileName);
  });
});
