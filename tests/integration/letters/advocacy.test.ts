// The advocacy report on a constructed history: median response time, outcomes, overdue counts, CSV
// and a PDF with the chart; and the same numbers through the core after real sends and responses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore } from '../../../src/store/open-core.js';
import { advocacyRows, median, periodOf } from '../../../src/letters/report/advocacy.js';
import type { SentLetter } from '../../../src/letters/report/advocacy.js';
import { advocacyChartSvg } from '../../../src/letters/report/chart-svg.js';
import { advocacyCsv } from '../../../src/letters/report/csv.js';
import { buildCase, hasTool, op } from './helpers.js';

const H = 3_600_000;
function letter(id: string, platformId: string, sentAt: string, responseHours: number | null, outcome = 'removed', clockHours = 168): SentLetter {
  const sent = new Date(sentAt).getTime();
  const respondedAt = responseHours === null ? null : new Date(sent + responseHours * H).toISOString();
  return {
    letterId: id,
    platformId,
    platformName: platformId === 'x-corp' ? 'X' : '=HYPERLINK("evil")',
    sentAt,
    responses: respondedAt ? [{ at: respondedAt, outcome, closes: true }] : [],
    clocks: [{ dueAt: new Date(sent + clockHours * H).toISOString(), closedAt: respondedAt }],
  };
}

const HISTORY = [
  letter('a', 'x-corp', '2025-05-01T00:00:00Z', 24),
  letter('b', 'x-corp', '2025-05-02T00:00:00Z', 48, 'refused'),
  letter('c', 'x-corp', '2025-05-03T00:00:00Z', 200), // answered after its 7-day clock: overdue
  letter('d', 'x-corp', '2025-05-04T00:00:00Z', null), // still open at `now`, past due: overdue
  letter('e', 'x-corp', '2025-06-01T00:00:00Z', 10),
  letter('f', 'meta', '2025-05-10T00:00:00Z', 30),
];
const NOW = new Date('2025-06-30T00:00:00Z');

describe('advocacy statistics', () => {
  it('computes medians (odd and even counts) and periods in Japan time', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([48, 24, 200, 10])).toBe(36);
    expect(periodOf('2025-06-30T15:30:00Z', 'month')).toBe('2025-07'); // 00:30 JST on 1 July
    expect(periodOf('2025-05-01T00:00:00Z', 'quarter')).toBe('2025-Q2');
  });

  it('counts sent, responded, median response, outcomes and overdue per platform and month', () => {
    const rows = advocacyRows(HISTORY, { period: 'month', now: NOW });
    const may = rows.find((r) => r.period === '2025-05' && r.platformId === 'x-corp')!;
    expect(may).toMatchObject({ sent: 4, responded: 3, medianResponseHours: 48, overdue: 2, outcomes: { removed: 2, refused: 1, pending: 1 } });
    expect(rows.find((r) => r.period === '2025-06')).toMatchObject({ sent: 1, medianResponseHours: 10, overdue: 0 });
    const year = advocacyRows(HISTORY, { period: 'year', now: NOW, from: '2025-05-02T00:00:00Z', to: '2025-06-01T00:00:00Z' });
    expect(year.map((r) => [r.platformId, r.sent])).toEqual([
      ['meta', 1],
      ['x-corp', 3],
    ]);
  });

  it('writes CSV with formula-like names neutralised and an escaped SVG chart', () => {
    const rows = advocacyRows(HISTORY, { period: 'month', now: NOW });
    const csv = advocacyCsv({ from: null, to: null, period: 'month', rows, generatedAt: NOW.toISOString() }, 'en');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"period","platform_id","platform","sent","responded","median_response_hours","overdue","outcome:pending","outcome:refused","outcome:removed"');
    expect(csv).toContain('"2025-05","x-corp","X","4","3","48","2","1","1","2"');
    expect(csv).toContain(`"'=HYPERLINK(""evil"")"`);
    const svg = advocacyChartSvg(rows, 'ja');
    expect(svg).toContain('>=HYPERLINK(&quot;evi…</text>'); // shortened before escaping, so no entity is cut
    expect(svg).not.toContain('("evil');
    expect(svg).toContain('期限超過');
  });
});

describe('advocacy report through the core', () => {
  it('exports CSV and a PDF with the chart from real sends and responses', async () => {
    const b = await buildCase();
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: 'idpa', lang: 'ja' });
    await op(b.ctx, 'letters.markSent', { id: d.id, at: '2025-05-01T00:00:00Z' });
    await op(b.ctx, 'letters.recordResponse', { id: d.id, outcome: 'removed', at: '2025-05-04T00:00:00Z' });
    const json = await op(b.ctx, 'reports.advocacy', { period: 'month' });
    expect(json.report.rows).toEqual([
      { period: '2025-05', platformId: 'dwango-niconico', platformName: 'ニコニコ', sent: 1, responded: 1, medianResponseHours: 72, outcomes: { removed: 1 }, overdue: 0 },
    ]);
    const csv = await op(b.ctx, 'reports.advocacy', { format: 'csv', lang: 'ja' });
    expect(Buffer.from(csv.bytes!).toString('utf8')).toContain('"2025-05","dwango-niconico","ニコニコ","1","1","72","0","1"');
    const pdf = await op(b.ctx, 'reports.advocacy', { format: 'pdf', lang: 'ja' });
    if (hasTool('pdftotext') && hasTool('pdfimages')) {
      const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-adv-')), 'r.pdf');
      fs.writeFileSync(f, pdf.bytes!);
      const text = execFileSync('pdftotext', [f, '-']).toString('utf8');
      expect(text).toContain('削除要請の対応状況報告');
      expect(text).toContain('ニコニコ');
      expect(execFileSync('pdfimages', ['-list', f]).toString('utf8')).toMatch(/\bimage\b/);
    }
    closeCore(b.ctx);
  });
});
