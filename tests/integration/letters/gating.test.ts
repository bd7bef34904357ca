// Facts gate claims: a contradicted ground blocks export in every regime (API LETTER_BLOCKED and CLI
// exit 2, each with the list); a ground whose facts are unknown is stated only as the requester's
// belief, marked for review; sworn statements (DMCA perjury, 事実に相違ない closings) only stand when
// every fact they cover is confirmed; DMCA is refused for sound-alikes; grounds live on the case.
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../src/api/invoke.js';
import { runCli } from '../../../src/cli/main.js';
import { legalData } from '../../../src/letters/data/load.js';
import { closeCore } from '../../../src/store/open-core.js';
import type { GuidelineForm, LetterRegime } from '../../../src/domain/letters.js';
import { buildCase, op, opError } from './helpers.js';

const ALL: { regime: LetterRegime; form?: GuidelineForm; platform: string; url?: string }[] = [
  { regime: 'idpa', platform: 'dwango-niconico' },
  { regime: 'guideline', platform: 'dwango-niconico' },
  { regime: 'guideline', form: 'copyright', platform: 'dwango-niconico' },
  { regime: 'dmca', platform: 'dwango-niconico' },
  { regime: 'dsa', platform: 'dwango-niconico' },
  { regime: 'youtube', platform: 'google-youtube' },
  { regime: 'warning', platform: 'dwango-niconico' },
];

function cli(dataDir: string, args: string[]) {
  let out = '';
  let err = '';
  return runCli(['--data-dir', dataDir, ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s) }).then((code) => ({ code, out, err }));
}

describe('a contradicted ground', () => {
  it('cannot be exported in any regime or format; the refusal lists what to fix', async () => {
    // Performers' rights chosen for a sound-alike: "actual recordings used" = no contradicts it.
    const b = await buildCase({
      grounds: ['performers-rights', 'defamation'],
      facts: { usedActualRecordings: 'no', harmsReputation: 'yes', operatorIsPoster: 'yes', euLegalBasis: 'BGB §823', copiedWork: 'x', workOwner: 'y', ownerAuthorised: 'yes' },
    });
    for (const a of ALL) {
      const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: a.regime, form: a.form ?? null, lang: 'ja', platformId: a.platform });
      expect(d.blockers.map((x) => x.id), `${a.regime}/${a.form ?? ''}`).toContain('ground-contradicted:performers-rights');
      expect(d.grounds.map((g) => g.id)).not.toContain('performers-rights');
      for (const f of d.fields) expect(f.value).not.toContain('録音した音声を本人の許諾なく複製'); // the claim never reaches the text
      for (const format of ['pdf', 'docx', 'txt'] as const) {
        const r = await invoke(b.ctx, 'letters.export', { id: d.id, format });
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.code).toBe('LETTER_BLOCKED');
          expect(r.error.message).toContain('ground-contradicted:performers-rights');
          expect(r.error.message).toContain('actual recordings of the performer were used');
          expect(r.error.issues?.map((i) => i.path)).toContain('ground-contradicted:performers-rights');
        }
      }
      expect(d.exports).toEqual([]);
    }
    // Correct the grounds: the same drafts export.
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, grounds: ['defamation'] });
    const ok = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja', platformId: 'dwango-niconico' });
    expect(ok.blockers).toEqual([]);
    expect((await op(b.ctx, 'letters.export', { id: ok.id, format: 'txt' })).sizeBytes).toBeGreaterThan(0);
    closeCore(b.ctx);
  });

  it('makes the CLI exit 2 with the list, writing nothing', async () => {
    const b = await buildCase({ grounds: ['portrait-personality', 'publicity'], facts: { hasVideo: false, exclusiveExploitation: 'yes', commercialUse: 'yes' } });
    const dataDir = b.ctx.dataDir;
    closeCore(b.ctx);
    const out = `${dataDir}/blocked.pdf`;
    const r = await cli(dataDir, ['letter', b.caseId, '--regime', 'guideline', '--lang', 'en', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Cannot export; fix these first:');
    expect(r.err).toContain('ground-contradicted:portrait-personality');
    expect(r.err).toContain("there is video depicting the performer's face or figure");
    expect(r.err).toContain('LETTER_BLOCKED');
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
    expect((await cli(dataDir, ['letters', 'grounds', b.caseId, '--set', 'publicity'])).code).toBe(0);
    expect((await cli(dataDir, ['letter', b.caseId, '--regime', 'guideline', '--lang', 'en', '--out', out])).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe('unknown facts', () => {
  it('put a ground only as the requester’s belief, marked for review, and soften the sworn closing', async () => {
    const b = await buildCase({ grounds: ['publicity'], facts: { commercialUse: 'yes', exclusiveExploitation: 'unknown' } });
    const lead = legalData().grounds.beliefLead;
    for (const lang of ['ja', 'en'] as const) {
      const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang, platformId: 'dwango-niconico' });
      expect(d.blockers).toEqual([]);
      expect(d.grounds).toMatchObject([{ id: 'publicity', status: 'belief' }]);
      expect(d.warnings.find((w) => w.level === 'review')?.message[lang]).toContain(lang === 'ja' ? '専ら' : 'exclusively');
      expect(d.fields.find((f) => f.key === 'reasons')!.value.startsWith(lead[lang])).toBe(true);
      expect(d.fields.find((f) => f.key === 'rights')!.value).toContain(legalData().grounds.beliefRight[lang]);
      expect(d.closing).toBe(legalData().templates.guideline.beliefClosing![lang]);
      const txt = Buffer.from((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).bytes).toString('utf8');
      expect(txt).toContain(lead[lang]);
      expect(txt).not.toContain(legalData().templates.guideline.closing[lang]);
    }
    // Once confirmed, the claim is stated plainly with the form's own closing.
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { exclusiveExploitation: 'yes' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.grounds).toMatchObject([{ id: 'publicity', status: 'confirmed' }]);
    expect(d.fields.find((f) => f.key === 'reasons')!.value).not.toContain(lead.ja);
    expect(d.closing).toBe(legalData().templates.guideline.closing.ja);
    closeCore(b.ctx);
  });
});

describe('sworn statements', () => {
  it('a DMCA notice (penalty of perjury) is refused until the copying, the work, its owner and the authority are confirmed', async () => {
    const b = await buildCase({ grounds: ['performers-rights'], facts: { usedActualRecordings: 'unknown' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'dmca', lang: 'en', platformId: 'dwango-niconico' });
    expect(d.blockers.map((x) => x.id).sort()).toEqual(
      ['regime-fact:copiedWork', 'regime-fact:ownerAuthorised', 'regime-fact:usedActualRecordings', 'regime-fact:workOwner', 'sworn-unconfirmed'].sort(),
    );
    expect(await opError(b.ctx, 'letters.export', { id: d.id, format: 'pdf' })).toBe('LETTER_BLOCKED');
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { usedActualRecordings: 'yes', copiedWork: 'Anime X ep. 1', workOwner: 'X Committee', ownerAuthorised: 'unknown' } });
    expect((await op(b.ctx, 'letters.get', { id: d.id })).blockers.map((x) => x.id)).toEqual(['regime-fact:ownerAuthorised']);
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { ownerAuthorised: 'yes' } });
    const ok = await op(b.ctx, 'letters.get', { id: d.id });
    expect(ok.blockers).toEqual([]);
    expect(Buffer.from((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).bytes).toString('utf8')).toContain('under penalty of perjury');
    closeCore(b.ctx);
  });

  it('DMCA is refused for a sound-alike, whatever else is recorded', async () => {
    const b = await buildCase({ grounds: ['publicity'], facts: { usedActualRecordings: 'no', exclusiveExploitation: 'yes', commercialUse: 'yes', copiedWork: 'x', workOwner: 'y', ownerAuthorised: 'yes' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'dmca', lang: 'en', platformId: 'dwango-niconico' });
    expect(d.blockers.map((x) => x.id)).toEqual(['no-grounds', 'regime-fact:usedActualRecordings']);
    expect(d.blockers[1]!.message.en).toContain('recorded as not so');
    closeCore(b.ctx);
  });

  it('the Japanese closings "事実に相違ない" stand only when every stated ground is confirmed', async () => {
    const b = await buildCase({ grounds: ['defamation'], facts: { harmsReputation: 'unknown' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.closing).not.toContain('上記の内容は事実に相違ありません');
    expect(d.closing).toContain('【依頼者の見解】');
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { harmsReputation: 'yes' } });
    expect((await op(b.ctx, 'letters.get', { id: d.id })).closing).toContain('上記の内容は事実に相違ありません');
    closeCore(b.ctx);
  });
});

describe('grounds live on the case', () => {
  it('are saved with their history, shown in the case summary and carried into every letter', async () => {
    const b = await buildCase({ grounds: ['publicity'], facts: { exclusiveExploitation: 'yes', commercialUse: 'yes' } });
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, grounds: ['publicity', 'defamation'], facts: { harmsReputation: 'yes' } });
    const legal = await op(b.ctx, 'grounds.forCase', { caseId: b.caseId });
    expect(legal.history.map((h) => h.grounds)).toEqual([['publicity'], ['publicity', 'defamation']]);
    expect(legal.history[1]!.facts.harmsReputation).toBe('yes');
    const c = await op(b.ctx, 'cases.get', { id: b.caseId });
    expect(c.legal.grounds.map((g) => [g.id, g.name.ja, g.status])).toEqual([
      ['publicity', 'パブリシティ権', 'confirmed'],
      ['defamation', '名誉毀損', 'confirmed'],
    ]);
    const show = await cli(b.ctx.dataDir, ['case', 'show', b.caseId]);
    expect(show.out).toContain('grounds:    Right of publicity [confirmed], Defamation [confirmed]');
    for (const a of ALL.filter((x) => x.form !== 'copyright' && x.regime !== 'dmca')) {
      const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: a.regime, lang: 'en', platformId: a.platform });
      expect(d.grounds.map((g) => g.id), a.regime).toEqual(['publicity', 'defamation']);
      const text = d.fields.map((f) => f.value).join('\n');
      expect(text, a.regime).toContain('lowers their social reputation');
      expect(text, a.regime).toContain('customer-attracting power');
    }
    closeCore(b.ctx);
  });
});
