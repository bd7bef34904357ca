// Clocks count from receipt with the first day excluded (Civil Code Art 140) and end at 24:00 JST of
// the last day: across month ends, year ends, leap days, and whatever the machine's time zone. The
// designated platform's 7 days only for a designated platform; YouTube's 48 h from YouTube's notice.
import { afterEach, describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { legalData } from '../../../src/letters/data/load.js';
import { clocksFor, dayPeriod, defaultReceipt } from '../../../src/letters/deadlines.js';
import { asEntered, japanDate } from '../../../src/letters/dates.js';
import { listAudit } from '../../../src/store/audit.js';
import { buildCase, op, opError, PERFORMER_REQUESTER } from './helpers.js';

const data = () => legalData().deadlines;
const start = (receivedOn: string | null, o: { designated?: boolean; election?: boolean; notified?: string | null } = {}) => ({
  receivedOn,
  uploaderNotifiedAt: o.notified ?? null,
  electionCandidate: o.election ?? false,
  designated: o.designated ?? true,
});
const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
  process.env.TZ = ORIGINAL_TZ;
});

describe('periods in days: first day excluded, end of the last day in Japan', () => {
  it.each([
    ['2025-05-01', 7, '2025-05-08', '2025-05-08T15:00:00.000Z'],
    ['2025-01-31', 7, '2025-02-07', '2025-02-07T15:00:00.000Z'], // across a month end
    ['2025-04-28', 7, '2025-05-05', '2025-05-05T15:00:00.000Z'], // 30-day month
    ['2025-12-28', 7, '2026-01-04', '2026-01-04T15:00:00.000Z'], // across a year end
    ['2024-02-25', 7, '2024-03-03', '2024-03-03T15:00:00.000Z'], // leap year: 29 February counts
    ['2025-02-25', 7, '2025-03-04', '2025-03-04T15:00:00.000Z'], // common year
    ['2024-02-29', 7, '2024-03-07', '2024-03-07T15:00:00.000Z'], // received on the leap day
    ['2024-02-28', 2, '2024-03-01', '2024-03-01T15:00:00.000Z'], // election candidate's 2 days over the leap day
    ['2025-02-28', 2, '2025-03-02', '2025-03-02T15:00:00.000Z'],
  ])('received %s, %i days → ends with %s', (received, days, dueOn, dueAt) => {
    expect(dayPeriod(received, days)).toEqual({ dueOn, dueAt });
  });

  it('gives the same answer in every machine time zone', () => {
    const results = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Tokyo', 'Pacific/Pago_Pago'].map((tz) => {
      process.env.TZ = tz;
      return [
        japanDate(new Date('2025-05-01T14:59:59Z')), // 23:59:59 JST on 1 May
        japanDate(new Date('2025-05-01T15:00:00Z')), // 00:00 JST on 2 May
        defaultReceipt(data(), new Date('2025-02-27T16:00:00Z'), 'post'), // 28 Feb JST + 2 days
        JSON.stringify(clocksFor(data(), 'idpa', start('2024-02-29'))),
      ];
    });
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]!.slice(0, 3)).toEqual(['2025-05-01', '2025-05-02', '2025-03-02']);
  });

  it('defaults receipt to the sending date in Japan plus the delivery method (post: 2 days, email: same day)', () => {
    expect(defaultReceipt(data(), new Date('2025-05-01T16:00:00Z'), 'email')).toBe('2025-05-02');
    expect(defaultReceipt(data(), new Date('2025-05-01T01:00:00Z'), 'registered-post')).toBe('2025-05-03');
    expect(defaultReceipt(data(), new Date('2025-05-01T01:00:00Z'), null)).toBe('2025-05-01');
  });
});

describe('which clocks run', () => {
  it('runs the 7-day decision clock only for a designated platform', () => {
    expect(clocksFor(data(), 'idpa', start('2025-05-01'))).toEqual([{ clock: 'platform-decision', startedAt: '2025-05-01', dueOn: '2025-05-08', dueAt: '2025-05-08T15:00:00.000Z' }]);
    expect(clocksFor(data(), 'idpa', start('2025-05-01', { designated: false }))).toEqual([]);
  });
  it('gives the poster 7 days, or 2 for an election candidate, from receipt', () => {
    expect(clocksFor(data(), 'guideline', start('2025-05-01', { designated: false })).map((c) => c.dueOn)).toEqual(['2025-05-08']);
    expect(clocksFor(data(), 'guideline', start('2025-05-01', { election: true })).map((c) => c.dueOn)).toEqual(['2025-05-03']);
  });
  it("starts YouTube's 48 hours only from YouTube's notice to the uploader", () => {
    expect(clocksFor(data(), 'youtube', start('2025-05-01'))).toEqual([]);
    expect(clocksFor(data(), 'youtube', start('2025-05-01', { notified: '2025-05-02T10:00:00+09:00' }))).toEqual([
      { clock: 'youtube-uploader', startedAt: '2025-05-02T01:00:00.000Z', dueAt: '2025-05-04T01:00:00.000Z', dueOn: null },
    ]);
  });
  it('starts no statutory clock for DMCA or DSA notices; a 警告書 has its own 14-day reply deadline', () => {
    expect(clocksFor(data(), 'dmca', start('2025-05-01'))).toEqual([]);
    expect(clocksFor(data(), 'dsa', start('2025-05-01'))).toEqual([]);
    expect(clocksFor(data(), 'warning', start('2025-05-01')).map((c) => [c.clock, c.dueOn])).toEqual([['warning-reply', '2025-05-15']]);
  });
});

describe('entered dates round-trip unchanged', () => {
  it.each([
    ['2025-11-20', '2025-11-20'],
    ['2025-05-01T12:00:00+09:00', '2025-05-01 12:00 JST'],
    ['2025-05-01T12:00', '2025-05-01 12:00'],
    ['2025-05-01T03:00:00Z', '2025-05-01 03:00 UTC'],
    ['2025-05-01T03:00:00-07:00', '2025-05-01 03:00 UTC-07:00'],
    ['5月1日ごろ', '5月1日ごろ'],
  ])('%s prints as %s', (entered, printed) => {
    expect(asEntered(entered)).toBe(printed);
  });

  it('prints a typed date with no invented time, stores it as typed, and keeps the receipt date as given', async () => {
    const b = await buildCase();
    await op(b.ctx, 'suspects.update', { id: b.suspectId, postedAt: '2025-11-20', capturedAt: '2025-11-21T08:15:00+09:00' });
    expect((await op(b.ctx, 'suspects.get', { id: b.suspectId })).postedAt).toBe('2025-11-20');
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja' });
    const loc = d.fields.find((f) => f.key === 'locations')!.value;
    expect(loc).toContain('掲載日時: 2025-11-20 /');
    expect(loc).not.toContain('2025-11-20 09:00');
    expect(loc).toContain('確認日時: 2025-11-21 08:15 JST');
    await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' });
    const sent = await op(b.ctx, 'letters.markSent', { id: d.id, at: '2025-11-21T10:00:00+09:00', deliveryMethod: 'registered-post', receivedOn: '2025-11-25' });
    expect(sent.receivedOn).toBe('2025-11-25');
    expect(sent.fields.filter((f) => f.edited)).toEqual([]); // marking sent edits nothing
    expect(sent.clocks.map((c) => [c.clock, c.dueOn])).toEqual([['platform-decision', '2025-12-02']]);
    expect(await opError(b.ctx, 'letters.setDates', { id: d.id, receivedOn: '2025-02-30' })).toBe('INVALID_INPUT');
    closeCore(b.ctx);
  });
});

describe('tracking through the core', () => {
  it('lists due and overdue clocks, starts YouTube’s window when recorded, and a closing response stops them', async () => {
    const b = await buildCase({ url: 'https://www.youtube.com/watch?v=abc', requester: PERFORMER_REQUESTER });
    await op(b.ctx, 'grounds.setForCase', { caseId: b.caseId, facts: { electionCandidate: true, capacity: 'self' } });
    const g = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'guideline', lang: 'ja', platformId: 'google-youtube' });
    const y = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'youtube', lang: 'en', platformId: 'google-youtube' });
    expect(await opError(b.ctx, 'letters.recordResponse', { id: g.id, outcome: 'removed' })).toBe('LETTER_NOT_SENT');
    expect(await opError(b.ctx, 'letters.setDates', { id: y.id, uploaderNotifiedAt: '2025-05-02T10:00:00Z' })).toBe('LETTER_NOT_SENT');
    const sent = await op(b.ctx, 'letters.markSent', { id: g.id, at: '2025-05-01T10:00:00+09:00', deliveryMethod: 'email' });
    expect(sent.receivedOn).toBe('2025-05-01');
    expect(sent.clocks.map((c) => [c.clock, c.dueOn, c.dueAt])).toEqual([['poster-inquiry', '2025-05-03', '2025-05-03T15:00:00.000Z']]);
    await op(b.ctx, 'letters.export', { id: y.id, format: 'txt' });
    const ySent = await op(b.ctx, 'letters.markSent', { id: y.id, at: '2025-05-02T01:00:00.000Z', deliveryMethod: 'web-form' });
    expect(ySent.clocks).toEqual([]); // 48 h run from YouTube's notice, not from sending
    const yNotified = await op(b.ctx, 'letters.setDates', { id: y.id, uploaderNotifiedAt: '2025-05-02T09:00:00+09:00' });
    expect(yNotified.clocks.map((c) => [c.clock, c.dueAt])).toEqual([['youtube-uploader', '2025-05-04T00:00:00.000Z']]);
    await op(b.ctx, 'suspects.update', { id: b.suspectId, url: 'https://www.youtube.com/watch?v=changed-later' });
    const frozen = await op(b.ctx, 'letters.get', { id: y.id });
    expect(frozen.fields.find((f) => f.key === 'locations')?.value).toContain('watch?v=abc'); // reads as it was sent
    expect(await opError(b.ctx, 'letters.markSent', { id: y.id })).toBe('LETTER_NOT_DRAFT');
    expect((await op(b.ctx, 'cases.get', { id: b.caseId })).status).toBe('sent');

    const list = await op(b.ctx, 'letters.due', { at: '2025-05-04T00:00:00Z' });
    expect(list.map((d) => [d.clock, d.overdue, d.hoursLeft])).toEqual([
      ['poster-inquiry', true, -9],
      ['youtube-uploader', false, 0],
    ]);
    const closed = await op(b.ctx, 'letters.recordResponse', { id: y.id, outcome: 'removed', at: '2025-05-03T00:00:00Z', note: 'taken down' });
    expect(closed.status).toBe('closed');
    expect(closed.clocks[0]?.closedAt).toBe('2025-05-03T00:00:00.000Z');
    expect((await op(b.ctx, 'letters.due', { at: '2025-05-03T12:00:00Z' })).map((d) => d.letterId)).toEqual([g.id]);
    expect(await opError(b.ctx, 'letters.recordResponse', { id: g.id, outcome: 'maybe' })).toBe('LETTER_UNKNOWN_OUTCOME');
    const actions = listAudit(b.ctx.db, { objectId: y.id }).map((a) => a.action);
    expect(actions).toEqual(['letter.draft', 'letter.export', 'letter.sent', 'letter.dates', 'letter.response']);
    closeCore(b.ctx);
  });
});
