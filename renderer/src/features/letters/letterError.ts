import type { TFunction } from 'i18next';
import { errorText } from '../../lib/errors';

const KNOWN = ['LETTER_NOT_DESIGNATED', 'LETTER_BLOCKED', 'LETTER_INCOMPLETE', 'LETTER_NOT_CONFIRMABLE', 'INVALID_INPUT'] as const;

/** A letters error in the UI's language: a sentence for the codes letters raise, else the generic line. */
export function letterError(t: TFunction, e: { code: string; message: string }): string {
  return (KNOWN as readonly string[]).includes(e.code) ? t(`legal.errors.${e.code}`) : errorText(t, e);
}
