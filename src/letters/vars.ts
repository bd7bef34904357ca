// The variables a template is filled with, built from the case in one language, with what is missing.
import type { Lang } from '../domain/letters.js';
import type { GroundAssessment } from '../domain/letters.js';
import type { LegalData } from './data/load.js';
import type { TemplateFile } from './data/schema.js';
import { citeSimilarity } from './cite-similarity.js';
import { asEntered, jst, letterDate } from './dates.js';
import type { LetterSource } from './source.js';
import { fill } from './template.js';
import { isHttpUrl } from './urls.js';

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
      .map(([k, v]) => `${k}: ${asEntered(v!)}`);
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
        ? `・証拠パック「${p.fileName}」（${jst(p.createdAt)} 作成）\n  SHA-256: ${p.sha256}\n  マニフェスト SHA-256: ${p.manifestSha256}${p.signingKey ? `\n  署名鍵（Ed25519）の指紋: ${p.signingKey}` : ''}`
        : `• Evidence pack "${p.fileName}" (made ${jst(p.createdAt)})\n  SHA-256: ${p.sha256}\n  Manifest SHA-256: ${p.manifestSha256}${p.signingKey ? `\n  Signing key (Ed25519) fingerprint: ${p.signingKey}` : ''}`,
    );
  }
  return lines.join('\n');
}

function requesterBlock(src: LetterSource, lang: Lang): string {
  const r = src.requester;
  const rows: [string, string | null][] =
    lang === 'ja'
      ? [['氏名', r.name], ['団体', r.organisation], ['住所', r.address], ['電子メール', r.email], ['電話', r.phone]]
      : [['Name', r.name], ['Organisation', r.organisation], ['Address', r.address], ['Email', r.email], ['Phone', r.phone]];
  return rows.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join('\n');
}

function timestamps(src: LetterSource, lang: Lang): string {
  const mmss = (t: number) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, '0')}`;
  const lines = src.suspects.flatMap((s) => {
    const regions = src.scores.filter((c) => c.suspectId === s.id).flatMap((c) => c.regions ?? []);
    if (regions.length === 0) return [];
    const spans = regions.map((r) => `${mmss(r.start)}–${mmss(r.end)}`).join(lang === 'ja' ? '、' : ', ');
    return [lang === 'ja' ? `・「${s.label}」で声が一致する箇所: ${spans}` : `• Where the voice matches in "${s.label}": ${spans}`];
  });
  return lines.join('\n');
}

function attachmentList(src: LetterSource, data: LegalData, t: TemplateFile, lang: Lang): string[] {
  if (t.attachments.length === 0) return [];
  const cap = data.senders.capacities.find((c) => c.id === src.facts.capacity)!;
  const ids = [...new Set([...cap.attachments, ...t.attachments])].filter((id) => id !== 'evidence-pack' || src.pack !== null);
  return ids.map((id) => {
    const a = data.senders.attachments.find((x) => x.id === id);
    const base = a ? a.label[lang] : id;
    if (id === 'power-of-attorney' && src.facts.poaSignedOn) {
      const d = src.facts.poaDocument;
      const file = d ? (lang === 'ja' ? `、${d.fileName} SHA-256: ${d.sha256}` : `, ${d.fileName} SHA-256: ${d.sha256}`) : '';
      return lang === 'ja' ? `${base}（${src.facts.poaSignedOn}付${file}）` : `${base} (dated ${src.facts.poaSignedOn}${file})`;
    }
    if (id === 'evidence-pack' && src.pack) return `${base}: ${src.pack.fileName}`;
    if (id === 'page-printout' && src.printouts.length)
      return `${base}: ${src.printouts.map((p) => `${p.fileName} (SHA-256 ${p.sha256})`).join(lang === 'ja' ? '、' : ', ')}`;
    return base;
  });
}

/** Builds every template variable for a letter in `lang`, stating only the carried grounds. */
export function letterVars(src: LetterSource, data: LegalData, lang: Lang, t: TemplateFile, carried: readonly GroundAssessment[]): LetterVars {
  const names = performerNames(src, lang);
  const principal = src.facts.principal?.trim() || names;
  const base: Record<string, string> = { 'performer.names': names, principal, 'poa.date': src.facts.poaSignedOn ?? '' };
  const cap = data.senders.capacities.find((c) => c.id === src.facts.capacity)!;
  const chosen = carried.map((a) => ({ a, g: data.grounds.grounds.find((g) => g.id === a.id)! }));
  const loc = locations(src, lang);
  const r = src.requester;
  const attachments = attachmentList(src, data, t, lang);
  const vars: Record<string, string> = {
    ...base,
    date: letterDate(src.now, lang),
    'case.title': src.case.title,
    'platform.operator': src.platform.operator,
    'platform.services': src.platform.services.join(list(lang)),
    'platform.name': src.platform.name,
    'platform.intake': src.platform.intakeUrl ?? (lang === 'ja' ? '（通知フォームのURLは未登録）' : '(notice form URL not recorded)'),
    'requester.name': r.name ?? '',
    'requester.organisation': r.organisation ?? '',
    'requester.address': r.address ?? '',
    'requester.email': r.email ?? '',
    'requester.phone': r.phone ?? '',
    'requester.block': requesterBlock(src, lang),
    'sender.intro': fill(cap.intro[lang], base),
    'sender.holder': fill(cap.holder[lang], base),
    'sender.role': fill(cap.role[lang], base),
    'performer.list': performerList(src, lang),
    infringing: infringing(src, lang, names),
    locations: loc.text,
    timestamps: timestamps(src, lang),
    rights: chosen.map(({ a, g }) => (a.status === 'belief' ? `${g.right[lang]}${data.grounds.beliefRight[lang]}` : g.right[lang])).join('\n'),
    reasons: chosen
      .map(({ a, g }) => (a.status === 'belief' ? `${data.grounds.beliefLead[lang]}\n${fill(g.reason[lang], base)}` : fill(g.reason[lang], base)))
      .join('\n\n'),
    evidence: evidence(src, lang),
    score: citeSimilarity(src, data, lang),
    work: src.facts.copiedWork?.trim()
      ? src.facts.copiedWork.trim()
      : t.regime === 'guideline'
        ? lang === 'ja'
          ? `${names}による実演（出演作の音声）`
          : `Performances by ${names} (audio from works they performed in)`
        : '',
    workOwner: src.facts.workOwner?.trim() ?? '',
    euBasis: src.facts.euLegalBasis?.trim() ?? '',
    attachments: attachments.map((x) => `・${x}`).join('\n'),
  };
  return { vars, problems: loc.problems.length ? { locations: loc.problems } : {} };
}
