// Dates as letters print them, and Japan calendar days (the statutes' clocks run there). Arithmetic is
// done on explicit +09:00 offsets, never the machine's time zone.
import type { Lang } from '../domain/letters.js';

const TZ = 'Asia/Tokyo';
const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

function parts(d: Date): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A letter's date line: 2025年5月1日 / 1 May 2025. */
export function letterDate(d: Date, lang: Lang): string {
  const p = parts(d);
  return lang === 'ja' ? `${p.year}年${p.month}月${p.day}日` : `${p.day} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}

/** A moment the app recorded (an export's time) as 2025-05-01 09:30 JST. */
export function jst(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(d);
  return `${p.year}-${p.month!.padStart(2, '0')}-${p.day!.padStart(2, '0')} ${p.hour}:${p.minute} JST`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function zoneLabel(z: string): string {
  if (z === 'Z' || z === '+00:00' || z === '+0000') return 'UTC';
  const norm = z.length === 5 ? `${z.slice(0, 3)}:${z.slice(3)}` : z;
  return norm === '+09:00' ? 'JST' : `UTC${norm}`;
}

/**
 * A date or time someone typed (when a clip was posted, captured, found), printed as entered: a date
 * stays a date (no invented time), a time keeps its own offset, and a zone is named only when one was
 * given. Anything else is printed exactly as written.
 */
export function asEntered(s: string): string {
  const t = s.trim();
  if (DATE_ONLY.test(t)) return t;
  const m = DATE_TIME.exec(t);
  if (!m) return t;
  return `${m[1]} ${m[2]}${m[3] ? ` ${zoneLabel(m[3])}` : ''}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  if (!DATE_ONLY.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const u = new Date(Date.UTC(y, m - 1, d));
  return u.getUTCFullYear() === y && u.getUTCMonth() === m - 1 && u.getUTCDate() === d;
}

/** The Japan calendar date (YYYY-MM-DD) of a moment. */
export function japanDate(d: Date): string {
  return new Date(d.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date `n` days after `ymd`. */
export function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a Japan calendar day ends (24:00 JST), as ISO UTC. */
export function endOfJapanDay(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1) - JST_OFFSET_MS).toISOString();
}
