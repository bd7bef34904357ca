// Location URLs are validated and printed as text; nothing here (or anywhere in letters) fetches them.

/** True for an absolute http:// or https:// URL with a host and no whitespace. */
export function isHttpUrl(s: string | null | undefined): s is string {
  if (!s || /\s/.test(s)) return false;
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
