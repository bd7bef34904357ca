// How the chosen grounds stand on a case's facts, as warnings the case's legal card shows, and the
// grounds library as the UI lists it.
import type { CaseFacts, FitWarning, Ground } from '../domain/letters.js';
import type { LegalData } from './data/load.js';
import { assessGrounds, denied } from './gate.js';

const join = (xs: { ja: string; en: string }[], lang: 'ja' | 'en') => xs.map((x) => x[lang]).join(lang === 'ja' ? '、' : '; ');

/** Warnings for the chosen grounds: contradicted ones (kept out of every letter), belief ones, advice. */
export function groundWarnings(data: LegalData, facts: CaseFacts, chosen: readonly string[]): FitWarning[] {
  const out: FitWarning[] = [];
  for (const id of chosen)
    if (!data.grounds.grounds.some((g) => g.id === id))
      out.push({ subject: id, level: 'mismatch', message: { ja: `不明な法的根拠です: ${id}`, en: `Unknown legal ground: ${id}` } });
  for (const a of assessGrounds(data, facts, chosen)) {
    if (a.status === 'contradicted')
      out.push({
        subject: a.id,
        level: 'mismatch',
        message: {
          ja: `「${a.name.ja}」は事実と矛盾するため、どの依頼書にも記載できません（${denied(a.contradicted, 'ja')}）。`,
          en: `"${a.name.en}" is contradicted by the facts and cannot go in any letter (${denied(a.contradicted, 'en')}).`,
        },
      });
    else if (a.status === 'belief')
      out.push({
        subject: a.id,
        level: 'review',
        message: {
          ja: `「${a.name.ja}」は未確認の事実があるため、依頼者の見解としてのみ記載します（${join(a.unknown, 'ja')}）。`,
          en: `"${a.name.en}" rests on unconfirmed facts and is put only as the requester's belief (${join(a.unknown, 'en')}).`,
        },
      });
    if (a.status === 'contradicted') continue; // advice on a ground that cannot be used is noise
    const g = data.grounds.grounds.find((x) => x.id === a.id)!;
    for (const w of g.warnings) if (facts[w.fact] === w.is) out.push({ subject: a.id, level: w.level, message: w.message });
  }
  if (chosen.length === 0) out.push({ subject: 'grounds', level: 'caution', message: { ja: '法的根拠が選ばれていません。', en: 'No legal ground is chosen.' } });
  return out;
}

/** The grounds library as the UI shows it. */
export function groundsLibrary(data: LegalData): Ground[] {
  return data.grounds.grounds.map(({ id, family, name, basis, explanation, needs, requires }) => ({ id, family, name, basis, explanation, needs, requires }));
}
