// Grounds travel with the case into the signed evidence pack (manifest and report) and into every
// letter; a letter cites and attaches only a pack without reference audio; YouTube's timestamps come
// from the comparison timeline. Real core, starter model, real speech (../shared).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { listAudit } from '../../../src/store/audit.js';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../../helpers/paths.js';
import { op, speechWav } from '../evidence/fixture.js';
import { unpack } from '../evidence/zip-tools.js';
import { PERFORMER_REQUESTER } from './helpers.js';

if (!hasShared) console.warn(`[letters/evidence] ${SHARED_SKIP_MESSAGE}`);

describe.skipIf(!hasShared)('grounds in the pack, the report and the letter (real speech)', () => {
  const dir = freshDataDir('seimon-letters-evidence');
  let ctx: CoreContext;
  let caseId = '';
  const entry = (file: string, name: string) => Buffer.from(unpack(file).find((e) => e.name === name)!.source as Uint8Array).toString('utf8');

  beforeAll(async () => {
    ctx = openCore(dir, 'test');
    const p = await op(ctx, 'performers.create', { name: '山田 花子', kana: 'やまだ はなこ', romaji: 'Hanako Yamada' });
    await op(ctx, 'references.import', { performerId: p.id, name: 'ref.wav', bytes: await speechWav(0, 0, 8) });
    await op(ctx, 'performers.enroll', { id: p.id });
    const s = await op(ctx, 'suspects.create', { kind: 'clip', label: 'AI朗読', platform: 'YouTube', url: 'https://www.youtube.com/watch?v=abc123', capturedAt: '2026-11-20' });
    await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'suspect.wav', bytes: await speechWav(0, 8, 10) });
    caseId = (await op(ctx, 'cases.create', { performerIds: [p.id], suspectIds: [s.id], platform: 'google-youtube' })).id;
    await op(ctx, 'grounds.setForCase', { caseId, grounds: ['defamation', 'publicity'], facts: { harmsReputation: 'yes', commercialUse: 'yes', exclusiveExploitation: 'unknown', capacity: 'self' } });
    await op(ctx, 'letters.setRequester', PERFORMER_REQUESTER);
    await op(ctx, 'evidence.updateSettings', { examiner: { name: '鑑定 太郎', role: '日本俳優連合 技術担当' } });
  }, 240_000);
  afterAll(() => closeCore(ctx));

  it('writes the grounds (with their status) into the signed manifest and the report; the facts only into internal packs', { timeout: 240_000 }, async () => {
    const pack = await op(ctx, 'evidence.export', { caseId, lang: 'ja' });
    expect(pack.redacted).toBe(true);
    type Manifest = { case: { grounds: { id: string; status: string; name: { ja: string } }[]; facts: Record<string, unknown> | null } };
    const file = path.join(dir, 'exports', pack.fileName);
    const manifest = JSON.parse(entry(file, 'manifest.json')) as Manifest;
    expect(manifest.case.grounds.map((g) => [g.id, g.status, g.name.ja])).toEqual([
      ['defamation', 'confirmed', '名誉毀損'],
      ['publicity', 'belief', 'パブリシティ権'],
    ]);
    expect(manifest.case.facts).toBeNull(); // the recipient version does not carry the internal working
    expect(entry(file, 'report.html')).toContain('名誉毀損、パブリシティ権（事実確認中）');
    const internal = await op(ctx, 'evidence.export', { caseId, lang: 'en', audience: 'internal' });
    const im = JSON.parse(entry(path.join(dir, 'exports', internal.fileName), 'manifest.json')) as Manifest;
    expect(im.case.facts).toMatchObject({ harmsReputation: 'yes', exclusiveExploitation: 'unknown', capacity: 'self' });
    expect(entry(path.join(dir, 'exports', internal.fileName), 'report.html')).toContain('Defamation; Right of publicity (facts being confirmed)');
  });

  it('cites and attaches only the redacted recipient pack, never an internal one, and takes YouTube timestamps from the comparison timeline', { timeout: 240_000 }, async () => {
    const clean = (await op(ctx, 'cases.get', { id: caseId })).exports.find((e) => e.redacted)!;
    const withAudio = await op(ctx, 'evidence.export', { caseId, lang: 'ja', audience: 'internal', includeReferenceAudio: true });
    expect(withAudio).toMatchObject({ withReferenceAudio: true, redacted: false });
    const d = await op(ctx, 'letters.draft', { caseId, regime: 'youtube', lang: 'ja', platformId: 'google-youtube' });
    const evidence = d.fields.find((f) => f.key === 'evidence')!.value;
    expect(evidence).toContain(clean.sha256);
    // The key that signed the cited pack, so the recipient can check it against the one the sender publishes.
    expect(clean.signingKey).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    expect(evidence).toContain(`署名鍵（Ed25519）の指紋: ${clean.signingKey}`);
    expect(evidence).not.toContain(withAudio.sha256);
    expect(d.warnings.find((w) => w.subject === 'attachments')?.message.ja).toContain(withAudio.fileName);
    const g = await op(ctx, 'letters.draft', { caseId, regime: 'guideline', lang: 'ja', platformId: 'google-youtube' });
    expect(g.attachments.join('\n')).toContain(`証拠パック（提出先向け: 参照音声・他の出演者の情報を含まないもの）: ${clean.fileName}`);
    expect(g.attachments.join('\n')).not.toContain(withAudio.fileName);
    expect(g.grounds.map((x) => x.id)).toEqual(['defamation', 'publicity']);
    // Timestamps: the regions recorded with the latest score, as m:ss spans.
    const scored = listAudit(ctx.db, { objectId: caseId }).filter((e) => e.action === 'comparison.score');
    const regions = (scored.at(-1)!.details as { regions: { start: number; end: number }[] }).regions;
    const loc = d.fields.find((f) => f.key === 'locations')!.value;
    expect(loc).toContain('https://www.youtube.com/watch?v=abc123');
    expect(regions.length).toBeGreaterThan(0); // same speaker: the timeline finds the voice
    const mmss = (t: number) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;
    expect(loc).toContain(`「AI朗読」で声が一致する箇所: ${mmss(regions[0]!.start)}–${mmss(regions[0]!.end)}`);
  });
});
