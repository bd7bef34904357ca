import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../../src/api/contract';

/** What a failed call or a job problem carries: a stable code, the core's English message, maybe field issues. */
export interface ErrorLike {
  code: string;
  message: string;
  issues?: FieldIssue[] | undefined;
}

const FAMILIES = ['AUDIO', 'MODEL', 'SCORING', 'CASE', 'EVIDENCE', 'LETTER'] as const;

/** A field path ("bands.0.minPercent") in the reader's words ("帯域 1 の下限 %"). */
export function fieldText(t: TFunction, path: string): string {
  const parts = path.split('.').filter(Boolean);
  const words: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) words.push(t('errorFields.nth', { n: Number(p) + 1 }));
    else words.push(t(`errorFields.${p}`, { defaultValue: t('errorFields.other') }));
  }
  return words.join(t('errorFields.join'));
}

/**
 * An error in the UI language: the code's own sentence when there is one, else its family's, never the
 * raw code or the core's English message (those stay in the log and the CLI).
 */
export function errorText(t: TFunction, e: ErrorLike): string {
  if (e.code === 'INVALID_INPUT' || e.code === 'LETTER_INCOMPLETE') {
    const fields = [...new Set((e.issues ?? []).map((i) => fieldText(t, i.path)))];
    if (fields.length) return t(`errorCodes.${e.code}_fields`, { fields: fields.join(t('errorFields.separator')) });
  }
  const own = t(`errorCodes.${e.code}`, { defaultValue: '' });
  if (own) return own;
  const family = FAMILIES.find((f) => e.code.startsWith(`${f}_`));
  return t(`errorFamilies.${family ?? 'OTHER'}`);
}
