/** A stored UTC timestamp in the reader's local time and language ("2026/11/30 20:05" or "30 Nov 2026, 20:05"). */
export function formatDateTime(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
