// The statutory clocks a sent request starts, from data/legal/deadlines.json.
import type { LetterRegime } from '../domain/letters.js';
import type { DeadlinesFile } from './data/schema.js';

const HOUR_MS = 3_600_000;

/** Milliseconds in a {days, hours} duration. */
export const durationMs = (d: { days?: number | undefined; hours?: number | undefined }): number => ((d.days ?? 0) * 24 + (d.hours ?? 0)) * HOUR_MS;

/** The clocks a request of `regime` starts when sent at `sentAt` (election candidates use their shorter period). */
export function clocksFor(data: DeadlinesFile, regime: LetterRegime, sentAt: Date, electionCandidate: boolean): { clock: string; dueAt: string }[] {
  return data.clocks
    .filter((c) => c.regimes.includes(regime))
    .map((c) => {
      const d = electionCandidate && c.electionCandidate ? c.electionCandidate : c.duration;
      return { clock: c.id, dueAt: new Date(sentAt.getTime() + durationMs(d)).toISOString() };
    });
}

/** Hours from `now` until `dueAt` (negative once overdue). */
export const hoursLeft = (dueAt: string, now: Date): number => (new Date(dueAt).getTime() - now.getTime()) / HOUR_MS;
