// The sent-letter history the advocacy report is computed from, read from the store.
import type { CoreContext } from '../../core/context.js';
import type { AdvocacyReport } from '../../domain/letters.js';
import { allClocks, listLetterRows, listResponses } from '../../store/letters.js';
import { listPlatforms } from '../catalog.js';
import { legalData } from '../data/load.js';
import { advocacyRows } from './advocacy.js';
import type { Period, SentLetter } from './advocacy.js';

/** Every letter marked sent, with its responses and clocks. */
export function sentLetters(ctx: CoreContext): SentLetter[] {
  const names = new Map(listPlatforms(ctx).map((p) => [p.id, p.name]));
  const closes = new Map(legalData().deadlines.outcomes.map((o) => [o.id, o.closes]));
  const clocks = allClocks(ctx.db);
  return listLetterRows(ctx.db)
    .filter((l) => l.sentAt !== null)
    .map((l) => ({
      letterId: l.id,
      platformId: l.platformId,
      platformName: names.get(l.platformId) ?? l.platformId,
      sentAt: l.sentAt!,
      responses: listResponses(ctx.db, l.id).map((r) => ({ at: r.at, outcome: r.outcome, closes: closes.get(r.outcome) ?? false })),
      clocks: clocks.filter((c) => c.letterId === l.id).map((c) => ({ dueAt: c.dueAt, closedAt: c.closedAt })),
    }));
}

/** The advocacy report over the store's history. */
export function advocacyReport(ctx: CoreContext, o: { period: Period; from?: string | null; to?: string | null }, now = new Date()): AdvocacyReport {
  return { from: o.from ?? null, to: o.to ?? null, period: o.period, rows: advocacyRows(sentLetters(ctx), { ...o, now }), generatedAt: now.toISOString() };
}
