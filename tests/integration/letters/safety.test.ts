// Bad input: missing requester or URLs block export with the list; markup in names stays text; edits
// are kept with their history and audited; grounds that do not fit the facts raise warnings.
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { invoke } from '../../../src/api/invoke.js';
import { getLetter } from '../../../src/letters/compose.js';
import { renderLetterHtml } from '../../../src/letters/render/html.js';
import { isHttpUrl } from '../../../src/letters/urls.js';
import { listAudit, verifyAuditChain } from '../../../src/store/audit.js';
import { buildCase, hasTool, op, opError } from './helpers.js';

describe('export is blocked until the letter is complete', () => {
  it('lists the missing requester details with LETTER_INCOMPLETE', async () => {
    const b = await buildCase({ requester: false });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja' });
    expect(d.missing).toEqual(['requester.name', 'requester.address', 'requester.email']);
    const r = await invoke(b.ctx, 'letters.export', { id: d.id, format: 'pdf' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('LETTER_INCOMPLETE');
      expect(r.error.message).toContain('requester.address');
      expect(r.error.issues?.map((i) => i.path)).toEqual(['requester.name', 'requester.address', 'requester.email']);
    }
    await op(b.ctx, 'letters.setRequester', { name: 'A', address: 'Tokyo', email: 'a@example.jp' });
    expect((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).sizeBytes).toBeGreaterThan(0);
    closeCore(b.ctx);
  });

  it('lists a suspect without a URL', async () => {
    const b = await buildCase({ url: null, facts: { euLegalBasis: 'French Civil Code Art 9 (droit au respect de la vie privée)' } });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'dsa', lang: 'en', platformId: 'meta' });
    expect(d.missing).toEqual(['suspect.url: AI歌ってみた #12']);
    expect(await opError(b.ctx, 'letters.export', { id: d.id, format: 'docx' })).toBe('LETTER_INCOMPLETE');
    closeCore(b.ctx);
  });

  it('accepts only http and https URLs', async () => {
    expect(isHttpUrl('https://example.jp/a')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('file:///etc/passwd')).toBe(false);
    expect(isHttpUrl('https://exa mple.jp')).toBe(false);
    const b = await buildCase();
    expect(await opError(b.ctx, 'platforms.add', { name: 'X', operator: 'Y', regime: 'dmca', kind: 'ai-voice-service', intakeUrl: 'ftp://x' })).toBe('INVALID_INPUT');
    closeCore(b.ctx);
  });
});

describe('user text is escaped', () => {
  const evil = '<b>悪</b> & <script>alert("x")</script>';
  it('renders a name containing markup as text in PDF, DOCX, HTML and text', async () => {
    const b = await buildCase({ performerName: evil });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'ja' });
    expect(renderLetterHtml(getLetter(b.ctx, d.id))).toContain('&lt;b&gt;悪&lt;/b&gt; &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(renderLetterHtml(getLetter(b.ctx, d.id))).not.toContain('<script>');
    const txt = Buffer.from((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).bytes).toString('utf8');
    expect(txt).toContain(evil);
    const xml = strFromU8(unzipSync((await op(b.ctx, 'letters.export', { id: d.id, format: 'docx' })).bytes)['word/document.xml']!);
    expect(xml).toContain('&lt;b&gt;悪&lt;/b&gt; &amp; &lt;script&gt;');
    expect(xml).not.toContain('<script>');
    if (hasTool('pdftotext')) {
      const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-evil-')), 'l.pdf');
      fs.writeFileSync(f, (await op(b.ctx, 'letters.export', { id: d.id, format: 'pdf' })).bytes);
      expect(execFileSync('pdftotext', [f, '-']).toString('utf8')).toContain('<b>悪</b> & <script>alert("x")</script>');
    }
    closeCore(b.ctx);
  });
});

describe('editing', () => {
  it('keeps the edit, its history and audit entries, and can go back to the generated text', async () => {
    const b = await buildCase();
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja' });
    const e1 = await op(b.ctx, 'letters.editField', { id: d.id, field: 'reasons', value: '本人の許諾はありません。' });
    const f = e1.fields.find((x) => x.key === 'reasons')!;
    expect(f).toMatchObject({ value: '本人の許諾はありません。', edited: true });
    expect(f.generated).toContain('パブリシティ権');
    // the same draft comes back (edits kept), not a new one
    expect((await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja' })).id).toBe(d.id);
    const txt = Buffer.from((await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' })).bytes).toString('utf8');
    expect(txt).toContain('本人の許諾はありません。');
    const e2 = await op(b.ctx, 'letters.editField', { id: d.id, field: 'reasons', value: null });
    expect(e2.fields.find((x) => x.key === 'reasons')!.edited).toBe(false);
    expect(e2.edits.map((x) => [x.field, x.newValue])).toEqual([
      ['reasons', '本人の許諾はありません。'],
      ['reasons', null],
    ]);
    expect(await opError(b.ctx, 'letters.editField', { id: d.id, field: 'nope', value: 'x' })).toBe('LETTER_UNKNOWN_FIELD');
    const actions = listAudit(b.ctx.db, { objectId: d.id }).map((a) => a.action);
    expect(actions).toEqual(['letter.draft', 'letter.edit', 'letter.export', 'letter.edit']);
    expect(verifyAuditChain(b.ctx.db).ok).toBe(true);
    await op(b.ctx, 'letters.markSent', { id: d.id });
    expect(await opError(b.ctx, 'letters.editField', { id: d.id, field: 'reasons', value: 'late' })).toBe('LETTER_NOT_DRAFT');
    closeCore(b.ctx);
  });
});

describe('the platform catalog', () => {
  it('lists the designated platforms from the data file and user-added operators, designated or not', async () => {
    const b = await buildCase();
    await op(b.ctx, 'platforms.add', { name: 'にせボイス', operator: '架空AI株式会社', regime: 'idpa-other', kind: 'ai-voice-service', intakeUrl: 'https://example.jp/contact', hosts: ['https://www.Voices.example.jp/path'] });
    const list = await op(b.ctx, 'platforms.list', {});
    expect(list.filter((p) => p.source === 'catalog').map((p) => p.operator)).toContain('X Corp.');
    expect(list.find((p) => p.id === 'google-youtube')).toMatchObject({ designatedOn: '2025-04-30', regime: 'idpa-designated', designated: true, intakeUrl: null, hosts: ['youtube.com', 'youtu.be'] });
    const mine = list.find((p) => p.source === 'user')!;
    expect(mine).toMatchObject({ name: 'にせボイス', regime: 'idpa-other', designated: false, hosts: ['voices.example.jp'] });
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, lang: 'ja', platformId: mine.id });
    expect(d.regime).toBe('guideline');
    const marked = await op(b.ctx, 'platforms.update', { id: mine.id, designated: true });
    expect(marked).toMatchObject({ designated: true, regime: 'idpa-designated' });
    expect(await opError(b.ctx, 'platforms.update', { id: 'google-youtube', designated: false })).toBe('LETTER_UNKNOWN_PLATFORM');
    expect(await opError(b.ctx, 'platforms.add', { name: 'x', operator: 'y', regime: 'idpa-other', kind: 'k', hosts: ['not a host'] })).toBe('INVALID_INPUT');
    closeCore(b.ctx);
  });
});
