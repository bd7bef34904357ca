// Clocks from data/legal/deadlines.json: 7 days for a designated platform's decision, 7 days (2 for an
// election candidate) for the poster inquiry, 48 hours for YouTube; due/overdue; responses close them.
import { describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { legalData } from '../../../src/letters/data/load.js';
import { clocksFor } from '../../../src/letters/deadlines.js';
import { listAudit } from '../../../src/store/audit.js';
import { buildCase, op, opError } from './helpers.js';

const SENT = new Date('2025-05-01T10:00:00+09:00');
const due = (regime: Parameters<typeof clocksFor>[1], election = false) => clocksFor(legalData().deadlines, regime, SENT, election);

describe('clock arithmetic', () => {
  it('gives a designated platform 7 days to decide (Ordinance Art 16)', () => {
    expect(due('idpa')).toEqual([{ clock: 'platform-decision', dueAt: '2025-05-08T01:00:00.000Z' }]);
  });
  it('gives the poster 7 days, or 2 for an election candidate (Art 3(2)(ii), Art 4)', () => {
    expect(due('guideline')).toEqual([{ clock: 'poster-inquiry', dueAt: '2025-05-08T01:00:00.000Z' }]);
    expect(due('guideline', true)).toEqual([{ clock: 'poster-inquiry', dueAt: '2025-05-03T01:00:00.000Z' }]);
  });
  it('gives a YouTube uploader 48 hours', () => {
    expect(due('youtube')).toEqual([{ clock: 'youtube-uploader', dueAt: '2025-05-03T01:00:00.000Z' }]);
  });
  it('starts no statutory clock for DMCA or DSA notices', () => {
    expect(due('dmca')).toEqual([]);
    expect(due('dsa')).toEqual([]);
  });
});

describe('tracking through the core', () => {
  it('lists due and overdue clocks, and a closing response stops them and moves the case', async () => {
    const b = await buildCase();
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { electionCandidate: true } });
    const g = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'ja' });
    const y = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'youtube', lang: 'en', platformId: 'google-youtube' });
    expect(await opError(b.ctx, 'letters.recordResponse', { id: g.id, outcome: 'removed' })).toBe('LETTER_NOT_SENT');
    const sent = await op(b.ctx, 'letters.markSent', { id: g.id, at: SENT.toISOString() });
    expect(sent.clocks.map((c) => [c.clock, c.dueAt])).toEqual([['poster-inquiry', '2025-05-03T01:00:00.000Z']]);
    await op(b.ctx, 'letters.export', { id: y.id, format: 'txt' });
    await op(b.ctx, 'letters.markSent', { id: y.id, at: '2025-05-02T01:00:00.000Z' });
    await op(b.ctx, 'suspects.update', { id: b.suspectId, url: 'https://example.jp/changed-later' });
    const frozen = await op(b.ctx, 'letters.get', { id: y.id });
    expect(frozen.fields.find((f) => f.key === 'locations')?.value).toContain('nicovideo.jp'); // reads as it was sent
    expect(await opError(b.ctx, 'letters.markSent', { id: y.id })).toBe('LETTER_NOT_DRAFT');
    expect((await op(b.ctx, 'cases.get', { id: b.caseId })).status).toBe('sent');

    const list = await op(b.ctx, 'letters.due', { at: '2025-05-03T12:00:00Z' });
    expect(list.map((d) => [d.clock, d.overdue, d.hoursLeft])).toEqual([
      ['poster-inquiry', true, -11],
      ['youtube-uploader', false, 13],
    ]);
    await op(b.ctx, 'letters.recordResponse', { id: y.id, outcome: 'acknowledged', at: '2025-05-02T02:00:00Z' });
    expect((await op(b.ctx, 'letters.due', { at: '2025-05-03T12:00:00Z' })).length).toBe(2); // not a closing outcome
    const closed = await op(b.ctx, 'letters.recordResponse', { id: y.id, outcome: 'removed', at: '2025-05-03T00:00:00Z', note: 'taken down' });
    expect(closed.status).toBe('closed');
    expect(closed.clocks[0]?.closedAt).toBe('2025-05-03T00:00:00.000Z');
    expect((await op(b.ctx, 'letters.due', { at: '2025-05-03T12:00:00Z' })).map((d) => d.letterId)).toEqual([g.id]);
    expect((await op(b.ctx, 'cases.get', { id: b.caseId })).status).toBe('removed');
    expect(await opError(b.ctx, 'letters.recordResponse', { id: g.id, outcome: 'maybe' })).toBe('LETTER_UNKNOWN_OUTCOME');
    const actions = listAudit(b.ctx.db, { objectId: y.id }).map((a) => a.action);
    expect(actions).toEqual(['letter.draft', 'letter.export', 'letter.sent', 'letter.response', 'letter.response']);
    closeCore(b.ctx);
  });
});
