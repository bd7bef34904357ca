// A pack from a data folder with 20 enrolled performers names only the case's performer: every
// member (and the PDF's text) is searched for every other performer's name and id.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { exportEvidencePack } from '../../../src/evidence/pack/export.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { op, speechWav } from './fixture.js';
import { unpack } from './zip-tools.js';

if (!hasShared) console.warn(`[evidence privacy] ${SHARED_SKIP_MESSAGE}`);
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

describe.skipIf(!hasShared)('packs do not leak other performers (20-performer data folder)', () => {
  const dir = freshDataDir('seimon-privacy');
  const work = freshDataDir('seimon-privacy-out');
  let ctx: CoreContext;
  const performers: { id: string; name: string }[] = [];
  let caseId = '';

  beforeAll(async () => {
    ctx = openCore(dir, 'test');
    await op(ctx, 'evidence.updateSettings', { examiner: { name: 'Examiner One', role: 'Union rights officer' } });
    for (let i = 0; i < 20; i++) {
      const p = await op(ctx, 'performers.create', { name: `声優${String(i).padStart(2, '0')} Performer-${i}-Zq`, kana: null, agency: null });
      await op(ctx, 'references.import', { performerId: p.id, name: `ref-${i}.wav`, bytes: await speechWav(i, 0, 6) });
      await op(ctx, 'performers.enroll', { id: p.id });
      performers.push({ id: p.id, name: p.name });
    }
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'suspect voice', service: null, platform: null, url: null, capturedAt: null });
    await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'clip.wav', bytes: await speechWav(3, 6, 8) });
    caseId = (await op(ctx, 'cases.create', { performerIds: [performers[3]!.id], suspectIds: [s.id], platform: null, legalGrounds: null, notes: 'internal: talk to agency first' })).id;
  }, 600_000);
  afterAll(() => closeCore(ctx));

  /** Every member's text (UTF-8, and the PDF's extracted text) with the names of what it contains. */
  function texts(pack: string): { name: string; text: string }[] {
    return unpack(pack).flatMap((e) => {
      const bytes = Buffer.from(e.source as Uint8Array);
      const out = [{ name: e.name, text: bytes.toString('utf8') }];
      if (e.name.endsWith('.pdf') && hasPdftotext) {
        const f = path.join(work, `${path.basename(pack)}.pdf`);
        fs.writeFileSync(f, bytes);
        out.push({ name: `${e.name} (text)`, text: spawnSync('pdftotext', [f, '-'], { encoding: 'utf8' }).stdout });
      }
      return out;
    });
  }

  function leaks(pack: string): string[] {
    const found: string[] = [];
    for (const m of texts(pack))
      for (const p of performers.filter((x) => x.id !== performers[3]!.id))
        for (const needle of [p.id, p.name, `Performer-${p.name.split('Performer-')[1]?.split('-')[0]}-Zq`]) if (m.text.includes(needle)) found.push(`${m.name}: ${needle}`);
    return found;
  }

  it('the default (recipient) pack names no other performer, carries counts, and leaves out the internal notes', async () => {
    const pack = path.join(work, 'recipient.zip');
    await exportEvidencePack(ctx, { caseId, out: pack, lang: 'ja', audience: 'recipient' });
    expect(leaks(pack)).toEqual([]);
    const all = texts(pack);
    // The check can fail: the case's own performer is there, and the standing counts all 20.
    expect(all.some((m) => m.text.includes(performers[3]!.name))).toBe(true);
    const standing = all.find((m) => m.name.startsWith('scores/standing-') && m.name.endsWith('.json'))!;
    expect(JSON.parse(standing.text)).toMatchObject({ performerCount: 20, rank: expect.any(Number) as number });
    expect(JSON.parse(standing.text)).not.toHaveProperty('performers');
    expect(all.some((m) => m.text.includes('talk to agency first'))).toBe(false);
    // The report states how many others reach the threshold, as a count.
    expect(all.find((m) => m.name === 'report.html')!.text).toMatch(/この出演者以外の登録出演者 19 人のうち、\d+ 人が/);
  });

  it('an internal pack without the tick still names no one else; with the tick it does, and the manifest records it', async () => {
    const plain = path.join(work, 'internal.zip');
    await exportEvidencePack(ctx, { caseId, out: plain, lang: 'en', audience: 'internal' });
    expect(leaks(plain)).toEqual([]);
    expect(texts(plain).some((m) => m.text.includes('talk to agency first'))).toBe(true);
    const named = path.join(work, 'internal-named.zip');
    await exportEvidencePack(ctx, { caseId, out: named, lang: 'en', audience: 'internal', includeOtherPerformers: true });
    expect(leaks(named).length).toBeGreaterThan(0);
    const manifest = JSON.parse(texts(named).find((m) => m.name === 'manifest.json')!.text) as { redaction: unknown };
    expect(manifest.redaction).toEqual({ recipient: false, referenceAudio: false, otherPerformers: true, internalNotes: true });
  });
});
