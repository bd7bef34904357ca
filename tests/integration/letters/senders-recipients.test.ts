// Recipients and senders: an AI voice service added as an operator gets the guideline-form request
// and a 警告書, never the IDPA request or its 7-day clock; a URL off the operator's services is caught
// and must be confirmed; wording follows the sender's capacity; 弁護士法72条 and YouTube's
// first-party rule block until the facts say the sender may send; attachments follow form and capacity.
import { describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { listAudit } from '../../../src/store/audit.js';
import { buildCase, op, opError, PERFORMER_REQUESTER, REQUESTER } from './helpers.js';

const VOICE = 'https://voices.example.jp/characters/42';
const facts = { harmsReputation: 'yes', operatorIsPoster: 'yes' } as const;

describe('an AI voice service as recipient', () => {
  it('gets the guideline form and a 警告書; IDPA wording and clock are refused; URL hosts are checked', async () => {
    const b = await buildCase({ url: VOICE, grounds: ['defamation'], facts });
    const svc = await op(b.ctx, 'platforms.add', { name: 'にせボイス', operator: '架空AI株式会社', regime: 'idpa-other', kind: 'ai-voice-service', hosts: ['voices.example.jp'] });
    expect(svc.designated).toBe(false);
    expect(await opError(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja', platformId: svc.id })).toBe('LETTER_NOT_DESIGNATED');

    const g = await op(b.ctx, 'letters.draft', { caseId: b.caseId, lang: 'ja', platformId: svc.id });
    expect(g).toMatchObject({ regime: 'guideline', form: 'personality', blockers: [] });
    expect(g.addressee).toBe('架空AI株式会社 御中');
    expect(g.opening).toContain('貴社に対し');
    expect(g.opening).not.toContain('第22条');
    const w = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'warning', lang: 'en', platformId: svc.id });
    expect(w.blockers).toEqual([]);
    expect(w.title).toBe('Cease-and-desist letter');
    for (const l of [g, w]) {
      await op(b.ctx, 'letters.export', { id: l.id, format: 'pdf' });
      const sent = await op(b.ctx, 'letters.markSent', { id: l.id, at: '2025-05-01T10:00:00+09:00', deliveryMethod: 'email' });
      expect(sent.clocks.map((c) => c.clock)).not.toContain('platform-decision');
    }
    expect((await op(b.ctx, 'letters.get', { id: w.id })).clocks.map((c) => [c.clock, c.dueOn])).toEqual([['warning-reply', '2025-05-15']]);

    // Designating the operator later (a new MIC designation) lets the Art 22 request through.
    await op(b.ctx, 'platforms.update', { id: svc.id, designated: true });
    expect((await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja', platformId: svc.id })).blockers).toEqual([]);
    closeCore(b.ctx);
  });

  it('catches a URL host that is not the operator’s and exports only once it is confirmed', async () => {
    const b = await buildCase({ url: VOICE, grounds: ['defamation'], facts });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'en', platformId: 'x-corp' });
    expect(d.blockers).toMatchObject([{ id: 'host-mismatch:voices.example.jp', confirmable: true }]);
    expect(d.blockers[0]!.message.en).toContain('is not one of X');
    expect(await opError(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).toBe('LETTER_BLOCKED');
    expect(await opError(b.ctx, 'letters.confirm', { id: d.id, blocker: 'no-grounds' })).toBe('LETTER_NOT_CONFIRMABLE');
    const c = await op(b.ctx, 'letters.confirm', { id: d.id, blocker: 'host-mismatch:voices.example.jp' });
    expect(c.blockers).toEqual([]);
    expect(c.confirmed).toEqual(['host-mismatch:voices.example.jp']);
    expect((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).sizeBytes).toBeGreaterThan(0);
    expect(listAudit(b.ctx.db, { objectId: d.id }).map((a) => a.action)).toEqual(['letter.draft', 'letter.confirm', 'letter.export']);
    // An operator with no hosts recorded needs the same confirmation.
    const bare = await op(b.ctx, 'platforms.add', { name: 'Bare', operator: 'Bare Inc.', regime: 'idpa-other', kind: 'video-site' });
    const d2 = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'en', platformId: bare.id });
    expect(d2.blockers.map((x) => x.id)).toEqual(['hosts-unknown']);
    closeCore(b.ctx);
  });
});

describe('sender capacity', () => {
  it('words the letter for the performer, an agent, a lawyer or an organisation', async () => {
    const b = await buildCase({ grounds: ['defamation'], facts: { ...facts, capacity: 'self' }, requester: PERFORMER_REQUESTER });
    const draft = async (lang: 'ja' | 'en') => op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang, platformId: 'dwango-niconico' });
    let ja = await draft('ja');
    expect(ja.blockers).toEqual([]);
    expect(ja.opening).toContain('私は、下記の情報により権利を侵害された本人です。');
    expect(ja.opening).toContain('により私の権利が侵害された');
    expect(ja.attachments).toContain('本人確認書類の写し');

    // Union staff signing "as the performer" is caught: the letter would say "my rights".
    await op(b.ctx, 'letters.setRequester', REQUESTER);
    ja = await draft('ja');
    expect(ja.blockers).toMatchObject([{ id: 'sender-not-performer', confirmable: true }]);
    expect(ja.blockers[0]!.message.ja).toContain('声優ユニオン 法務担当 佐藤');

    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { capacity: 'lawyer', poaSignedOn: '2025-04-01' } });
    ja = await draft('ja');
    expect(ja.blockers).toEqual([]);
    expect(ja.opening).toContain('当職は、山田 花子（やまだ はなこ）（以下「依頼人」といいます。）の代理人弁護士として');
    expect(ja.opening).toContain('により依頼人の権利が侵害された');
    expect(ja.opening).not.toContain('私の権利');
    expect(ja.signature).toContain('代理人弁護士');
    expect(ja.attachments).toContain('委任状（2025-04-01付）');
    const en = await draft('en');
    expect(en.opening).toContain('I write as the lawyer (bengoshi) acting for Hanako Yamada (山田 花子)');
    expect(en.opening).toContain("infringes the Client's rights");

    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { capacity: 'organisation', principal: '山田 花子', ownInterest: 'unknown' } });
    ja = await draft('ja');
    expect(ja.blockers.map((x) => x.id)).toEqual(['own-interest']);
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { ownInterest: 'yes' } });
    ja = await draft('ja');
    expect(ja.blockers).toEqual([]);
    expect(ja.opening).toContain('当団体は、所属する山田 花子に関し、当団体自身の利益に基づき、当団体の名において');
    expect(ja.opening).toContain('山田 花子及び当団体の権利');
    closeCore(b.ctx);
  });

  it('blocks a non-lawyer agent until it is confirmed unpaid (弁護士法72条), and needs the power of attorney', async () => {
    const b = await buildCase({ grounds: ['defamation'], facts: { ...facts, capacity: 'agent' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.blockers.map((x) => x.id)).toEqual(['poa-missing', 'lawyers-act-72']);
    expect(d.blockers[1]!.message.ja).toContain('弁護士法第72条');
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { poaSignedOn: '2025-04-01', agentUnpaid: 'no' } });
    const paid = await op(b.ctx, 'letters.get', { id: d.id });
    expect(paid.blockers.map((x) => x.id)).toEqual(['lawyers-act-72']);
    expect(paid.blockers[0]!.message.ja).toContain('東京地判平成29年2月20日');
    expect(paid.blockers[0]!.confirmable).toBe(false);
    expect(await opError(b.ctx, 'letters.confirm', { id: d.id, blocker: 'lawyers-act-72' })).toBe('LETTER_NOT_CONFIRMABLE');
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { agentUnpaid: 'yes' } });
    const ok = await op(b.ctx, 'letters.get', { id: d.id });
    expect(ok.blockers).toEqual([]);
    expect(ok.opening).toContain('2025-04-01付委任状により委任を受けた代理人として');
    expect(await opError(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { poaSignedOn: '2025-02-30' } })).toBe('INVALID_INPUT');
    closeCore(b.ctx);
  });

  it('stores the power of attorney with the case, cites its SHA-256 among the attachments and gives it back intact', async () => {
    const b = await buildCase({ grounds: ['defamation'], facts: { ...facts, capacity: 'lawyer' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.blockers.map((x) => x.id)).toEqual(['poa-missing']);
    const pdf = new TextEncoder().encode('%PDF-1.4 委任状 signed by 山田 花子');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(pdf).digest('hex');
    const legal = await op(b.ctx, 'grounds.attachPoa', { caseId: b.caseId, name: '委任状.pdf', bytes: pdf, signedOn: '2025-04-01' });
    expect(legal.facts).toMatchObject({ poaSignedOn: '2025-04-01', poaDocument: { fileName: '委任状.pdf', sha256: sha, sizeBytes: pdf.byteLength } });
    const l = await op(b.ctx, 'letters.get', { id: d.id });
    expect(l.blockers).toEqual([]);
    expect(l.attachments).toContain(`委任状（2025-04-01付、委任状.pdf SHA-256: ${sha}）`);
    const back = await op(b.ctx, 'grounds.poaDocument', { caseId: b.caseId });
    expect(Buffer.from(back.bytes).equals(Buffer.from(pdf))).toBe(true);
    // Changing other facts keeps the document; bad input is refused and loses nothing.
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { insulting: 'yes' } });
    expect((await op(b.ctx, 'grounds.forCase', { caseId: b.caseId })).facts.poaDocument?.sha256).toBe(sha);
    expect(await opError(b.ctx, 'grounds.attachPoa', { caseId: b.caseId, name: 'x.pdf', bytes: new Uint8Array(), signedOn: '2025-04-01' })).toBe('INVALID_INPUT');
    expect(await opError(b.ctx, 'grounds.attachPoa', { caseId: b.caseId, name: '../x.pdf', bytes: pdf, signedOn: '2025-04-01' })).toBe('INVALID_INPUT');
    expect(await opError(b.ctx, 'grounds.attachPoa', { caseId: b.caseId, name: 'x.pdf', bytes: pdf, signedOn: '2025-13-01' })).toBe('INVALID_INPUT');
    expect((await op(b.ctx, 'grounds.forCase', { caseId: b.caseId })).facts.poaSignedOn).toBe('2025-04-01');
    // A damaged stored copy is refused, not handed out.
    const fs = await import('node:fs');
    const { documentPath } = await import('../../../src/store/documents.js');
    fs.writeFileSync(documentPath(b.ctx.dataDir, sha), 'tampered');
    expect(await opError(b.ctx, 'grounds.poaDocument', { caseId: b.caseId })).toBe('LETTER_DOCUMENT_DAMAGED');
    closeCore(b.ctx);
  });

  it('files a YouTube privacy complaint only as the person or their legal representative', async () => {
    const b = await buildCase({ url: 'https://youtu.be/abc', grounds: ['defamation'], facts: { ...facts, capacity: 'organisation', ownInterest: 'yes' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'youtube', lang: 'en', platformId: 'google-youtube' });
    expect(d.blockers.map((x) => x.id)).toEqual(['capacity-not-accepted']);
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { capacity: 'lawyer', poaSignedOn: '2025-04-01' } });
    expect((await op(b.ctx, 'letters.get', { id: d.id })).blockers.map((x) => x.id)).toEqual(['youtube-first-party']);
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { legalRepresentative: 'yes' } });
    expect((await op(b.ctx, 'letters.get', { id: d.id })).blockers).toEqual([]);
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { capacity: 'self' } });
    expect((await op(b.ctx, 'letters.get', { id: d.id })).blockers.map((x) => x.id)).toEqual(['sender-not-performer']);
    await op(b.ctx, 'letters.setRequester', PERFORMER_REQUESTER);
    expect((await op(b.ctx, 'letters.get', { id: d.id })).blockers).toEqual([]);
    // A YouTube complaint cannot go to another operator.
    const x = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'youtube', lang: 'en', platformId: 'x-corp' });
    expect(x.blockers.map((y) => y.id)).toContain('not-youtube');
    closeCore(b.ctx);
  });
});

describe('new grounds', () => {
  it('performers’ rights carry the one-chance warning for anime and dubbing; the guideline form follows the grounds', async () => {
    const b = await buildCase({ grounds: ['performers-rights'], facts: { usedActualRecordings: 'yes', cinematographicConsent: 'yes' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.form).toBe('copyright');
    expect(d.closing).toBe('証拠書類を添付いたします。また、上記内容が、事実に相違ないことを証します。');
    expect(d.warnings.find((w) => w.subject === 'performers-rights')?.message.ja).toContain('ワンチャンス主義');
    expect(d.warnings.find((w) => w.subject === 'performers-rights')?.message.ja).toContain('第91条第2項・第92条の2第2項');
    // The personality form does not carry performers' rights: it says so and has nothing to state.
    const p = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', form: 'personality', lang: 'ja', platformId: 'dwango-niconico' });
    expect(p.blockers.map((x) => x.id)).toEqual(['no-grounds']);
    expect(p.warnings.map((w) => w.message.ja).join()).toContain('この様式では扱いません');
    closeCore(b.ctx);
  });

  it('lists defamation, 名誉感情, UCPA (xx)/(xxi) and frames publicity with the Pink Lady condition', async () => {
    const b = await buildCase();
    const lib = await op(b.ctx, 'grounds.list', {});
    expect(lib.map((g) => g.id)).toEqual(['defamation', 'honour-feeling', 'publicity', 'portrait-personality', 'performers-rights', 'unfair-competition', 'ucpa-misleading', 'ucpa-discrediting']);
    expect(lib.find((g) => g.id === 'ucpa-misleading')?.basis.ja).toBe('不正競争防止法第2条第1項第20号');
    expect(lib.find((g) => g.id === 'ucpa-discrediting')?.basis.ja).toBe('不正競争防止法第2条第1項第21号');
    expect(lib.find((g) => g.id === 'publicity')?.requires).toEqual(['exclusiveExploitation', 'commercialUse']);
    expect(lib.find((g) => g.id === 'publicity')?.explanation.ja).toContain('専ら');
    expect(lib.find((g) => g.id === 'unfair-competition')?.requires).toContain('wellKnownVoice');
    closeCore(b.ctx);
  });
});
