// Advocacy statistics (what a union brings to a ministry hearing): per platform and period, requests
// sent, median response time, outcomes and overdue clocks. Pure: the history comes in as records.
import type { AdvocacyReport, AdvocacyRow } from '../../domain/letters.js';

export interface SentLetter {
  letterId: string;
  platformId: string;
  platformName: string;
  sentAt: string;
  responses: { at: string; outcome: string; closes: boolean }[];
  clocks: { dueAt: string; closedAt: string | null }[];
}

export type Period = AdvocacyReport['period'];

/** The period a moment falls in, in Japan time: 2025-05, 2025-Q2 or 2025. */
export function periodOf(iso: string, period: Period): string {
  const jst = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  const y = jst.getUTCFullYear();
  const m = jst.getUTCMonth() + 1;
  if (period === 'year') return String(y);
  if (period === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The median of a list (mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const isOverdue = (l: SentLetter, now: Date): boolean =>
  l.clocks.some((c) => new Date(c.closedAt ?? now.toISOString()).getTime() > new Date(c.dueAt).getTime());

/** Groups sent letters by period and platform (sent within [from, to) when given). */
export function advocacyRows(letters: readonly SentLetter[], o: { period: Period; from?: string | null; to?: string | null; now: Date }): AdvocacyRow[] {
  const groups = new Map<string, { row: AdvocacyRow; hours: number[] }>();
  for (const l of letters) {
    if (o.from && l.sentAt < o.from) continue;
    if (o.to && l.sentAt >= o.to) continue;
    const period = periodOf(l.sentAt, o.period);
    const key = `${period}\u0000${l.platformId}`;
    let g = groups.get(key);
    if (!g) {
      g = { row: { period, platformId: l.platformId, platformName: l.platformName, sent: 0, responded: 0, medianResponseHours: null, outcomes: {}, overdue: 0 }, hours: [] };
      groups.set(key, g);
    }
    g.row.sent++;
    const closing = [...l.responses].sort((a, b) => a.at.localeCompare(b.at)).find((r) => r.closes);
    const outcome = closing?.outcome ?? 'pending';
    g.row.outcomes[outcome] = (g.row.outcomes[outcome] ?? 0) + 1;
    if (closing) {
      g.row.responded++;
      g.hours.push((new Date(closing.at).getTime() - new Date(l.sentAt).getTime()) / 3_600_000);
    }
    if (isOverdue(l, o.now)) g.row.overdue++;
  }
  return [...groups.values()]
    .map(({ row, hours }) => ({ ...row, medianResponseHours: median(hours) }))
    .sort((a, b) => a.period.localeCompare(b.period) || a.platformName.localeCompare(b.platformName));
}
