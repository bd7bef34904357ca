// The variables a template is filled with, built from the case in one language, with what is missing.
import { WITHHELD_BAND } from '../domain/index.js';
import { scoreStatement } from '../workbench/population-statement.js';
import type { Lang } from '../domain/letters.js';
import { SIMILARITY_DEFINITION_EN, SIMILARITY_DEFINITION_JA, UNCALIBRATED_NOTE_EN, UNCALIBRATED_NOTE_JA } from '../scoring/verdict.js';
import type { LegalData } from './data/load.js';
import { jst, letterDate } from './dates.js';
import type { LetterSource } from './source.js';
import { fill } from './template.js';
import { isHttpUrl } from './urls.js';
import { formatSimilarity } from '../domain/format.js';

export interface LetterVars {
  vars: Record<string, string>;
  /** Variable → the specific things missing for it (e.g. a suspect without a valid URL). */
  problems: Record<string, string[]>;
}

const list = (lang: Lang) => (lang === 'ja' ? '、' : ', ');

function performerNames(src: LetterSource, lang: Lang): string {
  return src.performers
    .map((p) => (lang === 'ja' ? (p.kana ? `${p.name}（${p.kana}）` : p.name) : p.romaji ? `${p.romaji} (${p.name})` : p.name))
    .join(list(lang));
}

function performerList(src: LetterSource, lang: Lang): string {
  return src.performers
    .map((p) => {
      const alt = [p.kana, p.romaji].filter(Boolean).join(' / ');
      const agency = p.agency ? (lang === 'ja' ? `、所属: ${p.agency}` : `, agency: ${p.agency}`) : '';
      return `・${p.name}${alt ? (lang === 'ja' ? `（${alt}）` : ` (${alt})`) : ''}${agency}`;
    })
    .join('\n');
}

function infringing(src: LetterSource, lang: Lang, names: string): string {
  return src.suspects
    .map((s, i) => {
      const where = s.service ?? s.platform ?? (lang === 'ja' ? '当該サービス' : 'the service');
      const by = s.operator ? (lang === 'ja' ? `（運営: ${s.operator}）` : ` (operated by ${s.operator})`) : '';
      const who = s.uploader ? (lang === 'ja' ? `、投稿者: ${s.uploader}` : `, posted by ${s.uploader}`) : '';
      const character = s.characterName ? (lang === 'ja' ? `、キャラクター名: ${s.characterName}` : `, character: ${s.characterName}`) : '';
      const what =
        s.kind === 'voice_model'
          ? lang === 'ja'
            ? `${where}${by}で公開されている、${names}の声を模倣したAI音声モデル「${s.label}」${character}`
            : `the AI voice model "${s.label}" published on ${where}${by}, imitating the voice of ${names}${character}`
          : lang === 'ja'
            ? `${where}に投稿された、${names}の声を模倣したAI生成音声を含むコンテンツ「${s.label}」${who}`
            : `the content "${s.label}" posted on ${where}, containing an AI-generated voice imitating ${names}${who}`;
      return `${i + 1}. ${what}`;
    })
    .join('\n');
}

function locations(src: LetterSource, lang: Lang): { text: string; problems: string[] } {
  const problems: string[] = [];
  const lines: string[] = [];
  const label = lang === 'ja' ? { posted: '掲載日時', captured: '確認日時', found: '発見日時' } : { posted: 'posted', captured: 'captured', found: 'found' };
  src.suspects.forEach((s) => {
    if (!isHttpUrl(s.url)) {
      problems.push(`suspect.url: ${s.label}`);
      return;
    }
    const times = (
      [
        [label.posted, s.postedAt],
        [label.captured, s.capturedAt],
        [label.found, s.foundAt],
      ] as const
    )
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}: ${jst(v!)}`);
    lines.push(`${lines.length + 1}. ${s.url}${times.length ? `\n   ${times.join(' / ')}` : ''}`);
  });
  return { text: lines.join('\n'), problems };
}

function evidence(src: LetterSource, lang: Lang): string {
  const lines = src.suspects.flatMap((s) =>
    s.clips.map((c) => (lang === 'ja' ? `・疑義音声「${c.originalName}」（${s.label}）\n  SHA-256: ${c.sha256}` : `• Suspect clip "${c.originalName}" (${s.label})\n  SHA-256: ${c.sha256}`)),
  );
  if (lines.length && src.pack) {
    const p = src.pack;
    lines.push(
      lang === 'ja'
        ? `・証拠パック「${p.fileName}」（${jst(p.createdAt)} 作成）\n  SHA-256: ${p.sha256}\n  マニフェスト SHA-256: ${p.manifestSha256}`
        : `• Evidence pack "${p.fileName}" (made ${jst(p.createdAt)})\n  SHA-256: ${p.sha256}\n  Manifest SHA-256: ${p.manifestSha256}`,
    );
  }
  return lines.join('\n');
}

function score(src: LetterSource, data: LegalData, lang: Lang): string {
  const statement = data.grounds.scoreStatement[lang];
  if (src.scores.length === 0) return `${lang === 'ja' ? '類似度スコアの記録はありません。' : 'No similarity score is recorded.'}\n${statement}`;
  const nameOf = (id: string, all: { id: string; name?: string; label?: string }[]) => {
    const x = all.find((a) => a.id === id);
    return x?.name ?? x?.label ?? id;
  };
  const lines = src.scores.map((s) => {
    const band = src.bands.find((b) => b.key === s.band);
    const bandLabel = band ? (lang === 'ja' ? band.labelJa : band.labelEn) : s.band === WITHHELD_BAND ? (lang === 'ja' ? '判定保留：登録済み実演家で未検証' : 'band withheld: not validated on the enrolled performers') : s.band;
    const pair = `${nameOf(s.performerId, src.performers)} × ${nameOf(s.suspectId, src.suspects)}`;
    const value = s.percent === null ? `cos ${s.rawCosine.toFixed(3)}` : formatSimilarity(s.percent, '%');
    const model = `${s.modelId}${s.modelSha256 ? ` (SHA-256 ${s.modelSha256.slice(0, 16)}…)` : ''}`;
    return lang === 'ja' ? `・${pair}: 類似度 ${value}（${bandLabel}）、モデル ${model}` : `• ${pair}: similarity ${value} (${bandLabel}), model ${model}`;
  });
  const uncalibrated = src.scores.some((s) => s.percent === null && s.band !== WITHHELD_BAND);
  // What the population check measured, or why a band is withheld (the same sentences as the report).
  const population = [...new Set(src.scores.flatMap((s) => scoreStatement(s.population, s.band, lang)))];
  const definition = lang === 'ja' ? SIMILARITY_DEFINITION_JA : SIMILARITY_DEFINITION_EN;
  const note = uncalibrated ? `\n${lang === 'ja' ? UNCALIBRATED_NOTE_JA : UNCALIBRATED_NOTE_EN}` : '';
  const head = lang === 'ja' ? '声紋照合による類似度:' : 'Voice similarity:';
  return `${head}\n${lines.join('\n')}\n${population.join('\n')}\n${definition}${note}\n${statement}`;
}

function requesterBlock(src: LetterSource, lang: Lang): string {
  const r = src.requester;
  const rows: [string, string | null][] =
    lang === 'ja'
      ? [['氏名', r.name], ['団体', r.organisation], ['住所', r.address], ['電子メール', r.email], ['電話', r.phone]]
      : [['Name', r.name], ['Organisation', r.organisation], ['Address', r.address], ['Email', r.email], ['Phone', r.phone]];
  return rows.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('\n');
}

/** Builds every template variable for a letter in `lang`. */
export function letterVars(src: LetterSource, data: LegalData, lang: Lang): LetterVars {
  const names = performerNames(src, lang);
  const base: Record<string, string> = { 'performer.names': names };
  const chosen = src.grounds.map((id) => data.grounds.grounds.find((g) => g.id === id)).filter((g) => g !== undefined);
  const loc = locations(src, lang);
  const r = src.requester;
  const vars: Record<string, string> = {
    ...base,
    date: letterDate(src.now, lang),
    'case.title': src.case.title,
    'platform.operator': src.platform.operator,
    'platform.services': src.platform.services.join(list(lang)),
    'platform.name': src.platform.name,
    'requester.name': r.name ?? '',
    'requester.organisation': r.organisation ?? '',
    'requester.address': r.address ?? '',
    'requester.email': r.email ?? '',
    'requester.phone': r.phone ?? '',
    'requester.block': requesterBlock(src, lang),
    'performer.list': performerList(src, lang),
    infringing: infringing(src, lang, names),
    locations: loc.text,
    rights: chosen.map((g) => g.right[lang]).join('\n'),
    reasons: chosen.map((g) => fill(g.reason[lang], base)).join('\n\n'),
    evidence: evidence(src, lang),
    score: score(src, data, lang),
    work:
      lang === 'ja'
        ? `${names}による実演の録音（本人の出演作の音声）`
        : `Sound recordings of performances by ${names} (audio from works they performed in)`,
  };
  return { vars, problems: loc.problems.length ? { locations: loc.problems } : {} };
}
