// Plain text: one block per form field, for pasting into a platform's web form, and the whole letter.
import type { LetterDetail } from '../../domain/letters.js';

/** Each field's text as the UI's copy buttons offer it. */
export const fieldTexts = (l: LetterDetail): { key: string; label: string; text: string }[] => l.fields.map((f) => ({ key: f.key, label: f.label, text: f.value }));

/** The letter as UTF-8 text: header, then each field under its label, then closing and signature. */
export function renderLetterTxt(l: LetterDetail): Buffer {
  const verbatim = l.lang === 'ja' ? '（発信者にそのまま通知されます）' : ' (passed to the poster as written)';
  const parts = [
    l.title,
    l.subtitle,
    '',
    l.date,
    l.addressee,
    l.sender,
    '',
    l.opening,
    '',
    ...l.fields.flatMap((f) => [`■ ${f.label}${f.verbatimToPoster ? verbatim : ''}`, f.value, '']),
    ...(l.closing ? [l.closing, ''] : []),
    l.signature,
    '',
  ];
  return Buffer.from(parts.join('\n'), 'utf8');
}
