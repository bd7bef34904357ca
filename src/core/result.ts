import type { ErrorCode } from './errors.js';

/** What crosses a process boundary: never a throw. */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; issues?: FieldIssue[] } };

/** One schema complaint, tied to the field it is about so the UI can show it there. */
export interface FieldIssue {
  path: string;
  /** Which rule failed, so a UI can word the message in its own language. */
  kind: 'required' | 'too_long' | 'control_chars' | 'bidi_controls' | 'unknown_field' | 'invalid';
  /** The limit involved (e.g. the maximum length), when there is one. */
  limit?: number;
  message: string;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
