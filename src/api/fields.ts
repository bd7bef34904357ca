import { z } from 'zod';
import { hasBidiControls } from '../core/bidi.js';

// Control characters (C0, DEL, C1) never belong in names typed by staff.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Text typed by staff may not carry bidi controls (U+202E etc.), which make text read in another order. */
const noBidi = (label: string) =>
  [(s: string) => !hasBidiControls(s), { error: `${label} must not contain bidirectional control characters (such as U+202E), which change the order text is shown in`, params: { kind: 'bidi_controls' } }] as const;

/** A required single-line text field: trimmed, 1..max characters, no control characters. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${label} must not contain control characters` })
    .refine(...noBidi(label));
}

/** An optional single-line text field; empty strings become null. */
export function optionalText(label: string, max = 200) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((s) => !CONTROL_CHARS.test(s), { error: `${label} must not contain control characters` })
    .refine(...noBidi(label))
    .transform((s) => (s === '' ? null : s))
    .nullish();
}

/** Free text (notes): newlines and tabs allowed, other control characters not. */
export function notesText(label: string, max = 5000) {
  return z
    .string({ error: `${label} must be text` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), {
      error: `${label} must not contain control characters`,
    })
    .refine(...noBidi(label))
    .transform((s) => (s.trim() === '' ? null : s))
    .nullish();
}

export const idSchema = z.string().regex(/^[a-z]+_[0-9a-z]{10,40}$/, { error: 'Not a valid id' });

/** ISO 8601 date, or date and time (minutes, optional seconds and zone): what the date pickers send. */
const ISO_DATE_OR_EMPTY = /^(?:|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)$/;

/** An optional date or date-time; free text such as 「2025年11月20日」 is refused so dates sort and compare. */
export function optionalDateTime(label: string) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .regex(ISO_DATE_OR_EMPTY, { error: `${label}: use a date such as 2025-11-20 or 2025-11-20T14:30` })
    .transform((s) => (s === '' ? null : s))
    .nullish();
}
