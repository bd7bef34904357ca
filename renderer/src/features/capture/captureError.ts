import type { TFunction } from 'i18next';

const KNOWN = new Set([
  'CAPTURE_SCHEME_REFUSED', 'CAPTURE_BAD_URL', 'CAPTURE_PRIVATE_ADDRESS', 'CAPTURE_TIMEOUT', 'CAPTURE_TOO_LARGE', 'CAPTURE_REDIRECT_LOOP',
  'CAPTURE_TOO_MANY_REDIRECTS', 'CAPTURE_NOT_A_PAGE', 'CAPTURE_LOAD_FAILED', 'CAPTURE_NO_BROWSER', 'CAPTURE_MEDIA_NOT_FETCHABLE', 'CAPTURE_MEDIA_DONE',
]);

/** A capture error in the UI's language (never the raw English message). */
export function captureErrorText(t: TFunction, code: string): string {
  return KNOWN.has(code) ? t(`capture.errors.${code}`) : t('capture.errors.other', { code });
}
