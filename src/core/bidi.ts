// Bidirectional-text controls (U+202E RIGHT-TO-LEFT OVERRIDE and friends) make text display in an order
// other than the order it is stored in: "evil\u202Egpj.exe" shows as "evilexe.jpg". Nothing Seimon
// writes for people may carry them silently. Text outputs (TXT, DOCX, HTML, CSV, PDF, the terminal) show
// each one as a visible marker; JSON escapes them, so the data stays exact and still cannot reorder text.

/** Explicit embeddings, overrides and isolates, the implicit marks, and the Arabic letter mark. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function hasBidiControls(s: string): boolean {
  BIDI_CONTROL.lastIndex = 0;
  const found = BIDI_CONTROL.test(s);
  BIDI_CONTROL.lastIndex = 0;
  return found;
}

const codePoint = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** Replaces each bidi control with a visible marker such as `[U+202E]`. */
export function revealBidi(s: string): string {
  return s.replace(BIDI_CONTROL, (c) => `[U+${codePoint(c)}]`);
}

/** JSON text with every bidi control written as a `\uXXXX` escape (parses back to the same value). */
export function escapeBidiJson(json: string): string {
  return json.replace(BIDI_CONTROL, (c) => `\\u${codePoint(c).toLowerCase()}`);
}

/** A copy of plain data (objects, arrays, strings) with every string revealed; other values untouched. */
export function revealBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return revealBidi(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => revealBidiDeep(v)) as T;
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value; // Buffers, typed arrays, dates
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = revealBidiDeep(v);
    return out as T;
  }
  return value;
}
