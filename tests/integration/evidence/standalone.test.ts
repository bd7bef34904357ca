// Trusted time from a real TSA on loopback (openssl ts -reply, test CA), and VERIFY.txt's standard-tool
// steps run exactly as documented, reaching the same verdict as `seimon verify`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { loadSigningKey } from '../../../src/evidence/signing-key.js';
import { requestTimestamp } from '../../../src/evidence/timestamp/request.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { cli } from '../../helpers/cli-run.js';
import { hasOpenssl, startLoopbackTsa } from '../../helpers/loopback-tsa.js';
import type { LoopbackTsa } from '../../helpers/loopback-tsa.js';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { buildWorkbench, op } from './fixture.js';
import type { Workbench } from './fixture.js';
import { forge, replaceIn, repack, unpack } from './zip-tools.js';

const tools = ['unzip', 'sha256sum', 'bash', 'find', 'diff'].every((t) => spawnSync('which', [t]).status === 0) && hasOpenssl;
if (!hasShared) console.warn(`[evidence standalone] ${SHARED_SKIP_MESSAGE}`);
if (!tools) console.warn('[evidence standalone] needs openssl, unzip, sha256sum, bash, find, diff: skipped');

/** The documented commands, in order, as VERIFY.txt prints them (the same in both languages). */
function documentedCommands(verifyTxt: string): string[] {
  const cmds = [...verifyTxt.matchAll(/^\d+\. \$ (.+)$/gm)].map((m) => m[1] ?? '');
  return cmds.filter((c, i) => cmds.indexOf(c) === i);
}

interface StepResult {
  cmd: string;
  status: number | null;
  out: string;
}

function runSteps(folder: string, verifyTxt: string, caFile: string): StepResult[] {
  return documentedCommands(verifyTxt).map((cmd) => {
    const r = spawnSync('bash', ['-c', cmd], { cwd: folder, encoding: 'utf8', env: { ...process.env, TSA_CA: caFile, LC_ALL: 'C' } });
    return { cmd, status: r.status, out: `${r.stdout}${r.stderr}` };
  });
}

/** The verdict the documented steps reach: every expectation of VERIFY.txt, with the fingerprint the recipient was given. */
function standaloneVerdict(steps: StepResult[], expectedFingerprint: string): 'verified' | 'unknown-key' | 'failed' {
  const [fpStep, sig, sums, files, extra, ts, tsText] = steps;
  const intact =
    sig?.out.includes('Signature Verified Successfully') === true &&
    sums?.out.trim() === '1' &&
    files?.status === 0 &&
    extra?.status === 0 &&
    extra.out.trim() === 'no extra or missing files' &&
    ts?.out.includes('Verification: OK') === true &&
    tsText?.status === 0;
  if (!intact) return 'failed';
  return fpStep?.out.startsWith(expectedFingerprint.replace(/ /g, '')) ? 'verified' : 'unknown-key';
}

describe.skipIf(!hasShared || !tools)('trusted timestamps and verification without Seimon', () => {
  const dir = freshDataDir('seimon-standalone');
  const work = freshDataDir('seimon-standalone-out');
  const pack = path.join(work, 'stamped.zip');
  let ctx: CoreContext;
  let wb: Workbench;
  let tsa: LoopbackTsa;
  let fp = '';
  const extract = (zip: string, name: string) => {
    const folder = path.join(work, name);
    expect(spawnSync('unzip', ['-q', zip, '-d', folder]).status).toBe(0);
    return folder;
  };
  const seimonVerdict = async (target: string, keys: string[] = []) => (await op(ctx, 'evidence.verifyPath', { path: target, keys, tsaCaPems: [tsa.caPem] })).verdict;

  beforeAll(async () => {
    tsa = await startLoopbackTsa(path.join(work, 'tsa'));
    ctx = openCore(dir, 'test');
    wb = await buildWorkbench(ctx);
    await op(ctx, 'evidence.updateSettings', { tsaUrl: tsa.url });
    await exportEvidencePack(ctx, { caseId: wb.caseId, out: pack, lang: 'en', audience: 'recipient' });
    fp = (await op(ctx, 'evidence.key', {})).fingerprint;
  });
  afterAll(async () => {
    closeCore(ctx);
    await tsa.close();
  });

  it('stamps the manifest through the TSA; verify prints the TSA time and subject and checks the chain when given the CA', async () => {
    const names = unpack(pack).map((e) => e.name);
    expect(names.slice(0, 4)).toEqual(['manifest.json', 'signature.json', 'manifest.sig', 'timestamp.tsr']);
    const r = await op(ctx, 'evidence.verifyPath', { path: pack, tsaCaPems: [tsa.caPem] });
    expect(r).toMatchObject({ verdict: 'verified', timestamp: { status: 'valid', chainTrusted: true, subject: 'CN=Seimon Test TSA, O=Loopback' } });
    expect(Math.abs(Date.parse(r.timestamp.time ?? '') - Date.now())).toBeLessThan(10 * 60_000);
    const out = await cli(['--data-dir', dir, 'verify', pack, '--tsa-ca', tsa.caFile]);
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/trusted time: \d{4}-\d\d-\d\dT.* by CN=Seimon Test TSA, O=Loopback\n/);
    const detail = await op(ctx, 'cases.get', { id: wb.caseId });
    expect(detail.exports[0]?.timestamped).toBe(true);
  });

  it('a TSA certificate from another CA is reported as untrusted', async () => {
    const other = await startLoopbackTsa(path.join(work, 'other-tsa'));
    await other.close();
    const r = await op(ctx, 'evidence.verifyPath', { path: pack, tsaCaPems: [other.caPem] });
    expect(r.problem).toMatchObject({ code: 'EVIDENCE_TIMESTAMP_UNTRUSTED', file: 'timestamp.tsr' });
  });

  it('truncated, forged and removed tokens fail with EVIDENCE_TIMESTAMP_INVALID / MEMBER_MISSING', async () => {
    const entries = unpack(pack);
    const token = Buffer.from(entries.find((e) => e.name === 'timestamp.tsr')!.source as Uint8Array);
    const withToken = (name: string, bytes: Buffer | null) => {
      const f = path.join(work, name);
      repack(f, bytes ? entries.map((e) => (e.name === 'timestamp.tsr' ? { name: e.name, source: bytes } : e)) : entries.filter((e) => e.name !== 'timestamp.tsr'));
      return f;
    };
    const truncated = await op(ctx, 'evidence.verifyPath', { path: withToken('tsr-truncated.zip', token.subarray(0, token.length - 40)) });
    expect(truncated.problem).toMatchObject({ code: 'EVIDENCE_TIMESTAMP_INVALID', file: 'timestamp.tsr' });
    // A genuine token from the same TSA, but over other bytes: the imprint gives it away.
    const otherToken = await requestTimestamp(tsa.url, Buffer.from('some other manifest'));
    const forged = await op(ctx, 'evidence.verifyPath', { path: withToken('tsr-other.zip', otherToken) });
    expect(forged.problem).toMatchObject({ code: 'EVIDENCE_TIMESTAMP_INVALID' });
    expect(forged.problem?.reason).toMatch(/another file/);
    // The right imprint but a damaged TSA signature (last bytes of the token are the signature value).
    const bad = Buffer.from(token);
    bad[bad.length - 5] = (bad[bad.length - 5] as number) ^ 0xff;
    expect((await op(ctx, 'evidence.verifyPath', { path: withToken('tsr-badsig.zip', bad) })).problem).toMatchObject({ code: 'EVIDENCE_TIMESTAMP_INVALID' });
    expect((await op(ctx, 'evidence.verifyPath', { path: withToken('tsr-removed.zip', null) })).problem).toMatchObject({ code: 'EVIDENCE_MEMBER_MISSING', file: 'timestamp.tsr' });
  });

  it('offline (TSA not answering): the pack is written, says it has no trusted time and why, and verifies', async () => {
    await op(ctx, 'evidence.updateSettings', { tsaUrl: 'http://127.0.0.1:9/tsr' });
    const f = path.join(work, 'offline.zip');
    const rec = await exportEvidencePack(ctx, { caseId: wb.caseId, out: f, lang: 'ja', audience: 'recipient' });
    expect(rec.timestamped).toBe(false);
    const manifest = JSON.parse(Buffer.from(unpack(f).find((e) => e.name === 'manifest.json')!.source as Uint8Array).toString()) as { timestamp: { status: string; note: string } };
    expect(manifest.timestamp.status).toBe('unavailable');
    expect(manifest.timestamp.note).toContain('127.0.0.1:9');
    expect(await op(ctx, 'evidence.verifyPath', { path: f })).toMatchObject({ verdict: 'verified', timestamp: { status: 'none' } });
    await op(ctx, 'evidence.updateSettings', { tsaUrl: tsa.url });
  });

  it('VERIFY.txt steps run as documented reach the same verdict as seimon verify: intact pack, changed clip, fresh-key forgery', async () => {
    const good = extract(pack, 'std-good');
    const text = fs.readFileSync(path.join(good, 'VERIFY.txt'), 'utf8');
    expect(text).toContain('Seimon 証拠パッケージの検証手順');
    expect(text).toContain(fp.replace(/ /g, ''));
    expect(documentedCommands(text)).toHaveLength(7);
    const steps = runSteps(good, text, tsa.caFile);
    expect(steps.map((s) => s.status), steps.map((s) => `${s.cmd}\n${s.out}`).join('\n')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(standaloneVerdict(steps, fp)).toBe('verified');
    expect(await seimonVerdict(good)).toBe('verified');

    // One byte of the clip changed in the extracted folder.
    const changed = extract(pack, 'std-changed');
    const clipDir = path.join(changed, 'clips');
    const clip = path.join(clipDir, fs.readdirSync(clipDir)[0] ?? '', fs.readdirSync(path.join(clipDir, fs.readdirSync(clipDir)[0] ?? ''))[0] ?? '');
    const b = fs.readFileSync(clip);
    b[200] = (b[200] as number) ^ 1;
    fs.writeFileSync(clip, b);
    const changedSteps = runSteps(changed, text, tsa.caFile);
    expect(changedSteps[3]?.status).not.toBe(0);
    expect(changedSteps[3]?.out).toMatch(/FAILED/);
    expect(standaloneVerdict(changedSteps, fp)).toBe('failed');
    expect(await seimonVerdict(changed)).toBe('failed');

    // A consistent re-sign with a fresh key (new token from the TSA over the new manifest).
    const fresh = loadSigningKey(freshDataDir('seimon-forger2')).key;
    const entries = unpack(pack);
    const hex = (f: string) => f.replace(/ /g, '');
    const rekey = (e: (typeof entries)[number]) =>
      e.name === 'VERIFY.txt' ? replaceIn(e, hex(fp), hex(fresh.fingerprint)) : e.name.startsWith('report.') ? replaceIn(e, fp, fresh.fingerprint) : e;
    const forgedEntries = forge(entries, fresh, { manifestNamesKey: fresh.fingerprint, change: (es) => es.map(rekey) });
    const token = await requestTimestamp(tsa.url, Buffer.from(forgedEntries[0]!.source as Uint8Array));
    const zip = path.join(work, 'std-forged.zip');
    repack(zip, [...forgedEntries.slice(0, 3), { name: 'timestamp.tsr', source: token }, ...forgedEntries.slice(3)]);
    const forgedFolder = extract(zip, 'std-forged');
    const forgedSteps = runSteps(forgedFolder, fs.readFileSync(path.join(forgedFolder, 'VERIFY.txt'), 'utf8'), tsa.caFile);
    expect(standaloneVerdict(forgedSteps, fp)).toBe('unknown-key');
    expect(await seimonVerdict(forgedFolder)).toBe('unknown-key');
  });
});
