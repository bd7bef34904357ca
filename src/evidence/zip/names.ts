// Entry names a pack may hold: relative, forward slashes, no `..`, no drive letters, no control
// characters, and no two that would land on the same file on a case-insensitive disk.

/** Why a name is unsafe to extract, or null when it is fine. */
export function unsafeNameReason(name: string): string | null {
  if (name.length === 0) return 'empty name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) return 'parent-directory (..) path';
  if (parts.some((p) => p === '' || p === '.')) return 'empty or "." path segment';
  return null;
}

/** The first name that duplicates an earlier one (exactly or up to case / Unicode normalisation). */
export function firstDuplicate(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.normalize('NFC').toLowerCase();
    if (seen.has(key)) return n;
    seen.add(key);
  }
  return null;
}
