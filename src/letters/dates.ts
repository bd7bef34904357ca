// Dates as letters print them, in Japan time (the statutes' clocks run there).
import type { Lang } from '../domain/letters.js';

const TZ = 'Asia/Tokyo';

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

/** A moment as 2025-05-01 09:30 JST. */
export function jst(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso; // staff-typed provenance times are shown as written
  const p = parts(d);
  return `${p.year}-${p.month!.padStart(2, '0')}-${p.day!.padStart(2, '0')} ${p.hour}:${p.minute} JST`;
}
