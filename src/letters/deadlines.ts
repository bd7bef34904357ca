// The statutory clocks of a sent request, from data/legal/deadlines.json. A period in days counts from
// receipt with the first day excluded (Civil Code Art 140): it ends at 24:00 JST of the Nth day after
// the day of receipt. YouTube's hours window runs from YouTube's notice to the uploader, once recorded.
import type { DeliveryMethod, LetterRegime } from '../domain/letters.js';
import type { DeadlinesFile } from './data/schema.js';
import { addDays, endOfJapanDay, japanDate } from './dates.js';

const HOUR_MS = 3_600_000;

export interface ClockStart {
  /** Japan date the recipient received the request. */
  receivedOn: string | null;
  /** When YouTube notified the uploader (ISO); null until recorded. */
  uploaderNotifiedAt: string | null;
  electionCandidate: boolean;
  /** The recipient is a designated large platform (only then does the Art 25 decision clock run). */
  designated: boolean;
}

export interface ComputedClock {
  clock: string;
  startedAt: string;
  dueAt: string;
  dueOn: string | null;
}

/** The default receipt date: the Japan date of sending plus the delivery method's usual days. */
export function defaultReceipt(data: DeadlinesFile, sentAt: Date, method: DeliveryMethod | null): string {
  const days = method ? (data.delivery.find((d) => d.id === method)?.days ?? 0) : 0;
  return addDays(japanDate(sentAt), days);
}

/** A period of `days` days from receipt on `receivedOn`: its last day and the instant it ends. */
export function dayPeriod(receivedOn: string, days: number): { dueOn: string; dueAt: string } {
  const dueOn = addDays(receivedOn, days); // the day of receipt is not counted
  return { dueOn, dueAt: endOfJapanDay(dueOn) };
}

/** The clocks a request of `regime` runs, given when it was received (and YouTube's notice). */
export function clocksFor(data: DeadlinesFile, regime: LetterRegime, s: ClockStart): ComputedClock[] {
  const out: ComputedClock[] = [];
  for (const c of data.clocks) {
    if (!c.regimes.includes(regime)) continue;
    if (c.onlyDesignated && !s.designated) continue;
    const d = s.electionCandidate && c.electionCandidate ? c.electionCandidate : c.duration;
    if (c.startsAt === 'receipt' && s.receivedOn && d.days) out.push({ clock: c.id, startedAt: s.receivedOn, ...dayPeriod(s.receivedOn, d.days) });
    if (c.startsAt === 'uploader-notice' && s.uploaderNotifiedAt && d.hours) {
      const from = new Date(s.uploaderNotifiedAt);
      out.push({ clock: c.id, startedAt: from.toISOString(), dueAt: new Date(from.getTime() + d.hours * HOUR_MS).toISOString(), dueOn: null });
    }
  }
  return out;
}

/** Hours from `now` until `dueAt` (negative once overdue). */
export const hoursLeft = (dueAt: string, now: Date): number => (new Date(dueAt).getTime() - now.getTime()) / HOUR_MS;
