// Facts gate claims: which chosen grounds a letter carries and how (confirmed or as belief), and what
// stops it being exported — a contradicted ground, a regime whose facts are not confirmed, a sworn
// statement over unconfirmed facts, the wrong recipient or sender capacity, a URL off the operator's
// services. Nothing here warns where it should block.
import type { CaseFacts, FactKey, FitWarning, GroundAssessment, LetterBlocker, Platform, SenderCapacity, Text } from '../domain/letters.js';
import type { LegalData } from './data/load.js';
import type { GroundData, TemplateFile } from './data/schema.js';
import { FACT_LABELS, factState } from './facts.js';
import { isHttpUrl } from './urls.js';

const label = (k: FactKey): Text => FACT_LABELS[k];

/** How one ground's facts stand. */
export function assessGround(g: GroundData, facts: CaseFacts): GroundAssessment {
  const unknown = g.requires.filter((k) => factState(facts, k) === 'unknown');
  const contradicted = g.requires.filter((k) => factState(facts, k) === 'contradicted');
  return {
    id: g.id,
    name: g.name,
    status: contradicted.length ? 'contradicted' : unknown.length ? 'belief' : 'confirmed',
    unknown: unknown.map(label),
    contradicted: contradicted.map(label),
  };
}

/** Assessments of the chosen grounds that exist in the library. */
export function assessGrounds(data: LegalData, facts: CaseFacts, chosen: readonly string[]): GroundAssessment[] {
  return chosen.flatMap((id) => {
    const g = data.grounds.grounds.find((x) => x.id === id);
    return g ? [assessGround(g, facts)] : [];
  });
}

const join = (xs: Text[], lang: 'ja' | 'en') => xs.map((x) => x[lang]).join(lang === 'ja' ? '、' : '; ');
/** Contradicted facts as "「X」がいいえ" / '"X" is recorded as no'. */
export const denied = (xs: Text[], lang: 'ja' | 'en') => xs.map((x) => (lang === 'ja' ? `「${x.ja}」が「いいえ」` : `"${x.en}" is recorded as no`)).join(lang === 'ja' ? '、' : '; ');

function block(id: string, ja: string, en: string, confirmable = false): LetterBlocker {
  return { id, message: { ja, en }, confirmable };
}

/** The host of a URL, lower-case, without a leading www. */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** True when `host` is one of the operator's hosts or a subdomain of one. */
export const onHosts = (host: string, hosts: readonly string[]): boolean => hosts.some((h) => host === h || host.endsWith(`.${h}`));

const CAPACITY_NAME: Record<SenderCapacity, Text> = {
  self: { ja: '本人', en: 'the performer themself' },
  agent: { ja: '代理人', en: 'an agent' },
  lawyer: { ja: '弁護士', en: 'a lawyer' },
  organisation: { ja: '団体', en: 'an organisation' },
};

const norm = (x: string) => x.replace(/[\s\u3000]+/g, '').toLowerCase();

/** True when the signer's name is one of the performer's names (kanji, kana or romaji). */
export function signerIsPerformer(signer: string, performerNames: readonly string[]): boolean {
  const s = norm(signer);
  return performerNames.some((n) => norm(n) !== '' && (s.includes(norm(n)) || norm(n).includes(s)));
}

function capacityBlockers(t: TemplateFile, facts: CaseFacts, signer: string | null, performerNames: readonly string[]): LetterBlocker[] {
  const out: LetterBlocker[] = [];
  const c = facts.capacity;
  if (c === 'self' && signer && !signerIsPerformer(signer, performerNames))
    out.push(
      block(
        'sender-not-performer',
        `差出人「${signer}」は出演者本人の氏名と一致しませんが、本人として「私の権利」と書かれます。差出人の立場（代理人・弁護士・団体）を選ぶか、本人であることを確認してください。`,
        `The signer "${signer}" does not match the performer's name, yet the letter speaks as the performer ("my rights"). Choose the sender's capacity (agent, lawyer, organisation) or confirm the signer is the performer.`,
        true,
      ),
    );
  if (!t.capacities.includes(c))
    out.push(
      block(
        'capacity-not-accepted',
        `この様式は${CAPACITY_NAME[c].ja}からは送れません（受け付けられるのは: ${t.capacities.map((x) => CAPACITY_NAME[x].ja).join('、')}）。`,
        `This letter cannot be sent by ${CAPACITY_NAME[c].en} (accepted: ${t.capacities.map((x) => CAPACITY_NAME[x].en).join(', ')}).`,
      ),
    );
  if ((c === 'agent' || c === 'lawyer') && factState(facts, 'poaSignedOn') !== 'met')
    out.push(block('poa-missing', '委任状の日付を記録してください（代理人・弁護士が送る場合）。', 'Record the date of the power of attorney (an agent or lawyer sends it).'));
  if (c === 'agent') {
    const s = factState(facts, 'agentUnpaid');
    if (s === 'contradicted')
      out.push(
        block(
          'lawyers-act-72',
          '弁護士でない者が報酬を得て他人の法律事務を扱うことは弁護士法第72条に反するおそれがあります（削除代行業者の例: 東京地判平成29年2月20日）。本人、弁護士、又は自らの利益を持つ団体の名義で送ってください。',
          "A non-lawyer handling others' legal matters for pay risks breaching Attorney Act Art 72 (a takedown agency was held unlawful: Tokyo District Court, 20 Feb 2017). Send it as the performer, a lawyer, or an organisation with its own interest.",
        ),
      );
    else if (s === 'unknown')
      out.push(
        block(
          'lawyers-act-72',
          '弁護士でない代理人が報酬を得ず、業としてでなく行うことを確認してください（弁護士法第72条）。確認できない場合は、本人か弁護士が送ってください。',
          'Confirm that the non-lawyer agent acts without pay and not as a business (Attorney Act Art 72); otherwise the performer or a lawyer should send it.',
        ),
      );
  }
  if (c === 'organisation' && factState(facts, 'ownInterest') !== 'met')
    out.push(
      block(
        'own-interest',
        '団体の名義で送るには、団体自身の利益があることを確認してください。ない場合は本人か弁護士が送ります（弁護士法第72条）。',
        'To send in the organisation’s name, confirm it has its own interest; otherwise the performer or a lawyer sends it (Attorney Act Art 72).',
      ),
    );
  if (t.recipients === 'youtube' && (c === 'agent' || c === 'lawyer') && factState(facts, 'legalRepresentative') !== 'met')
    out.push(
      block(
        'youtube-first-party',
        'YouTubeのプライバシー侵害の申し立ては、本人又は法定代理人からのみ受け付けられます。差出人が法定代理人であることを確認するか、本人が申し立ててください。',
        'YouTube accepts privacy complaints only from the person concerned or their legal representative. Confirm the sender is the legal representative, or have the performer file it.',
      ),
    );
  return out;
}

function recipientBlockers(t: TemplateFile, platform: Platform, urls: readonly string[]): LetterBlocker[] {
  const out: LetterBlocker[] = [];
  if (t.recipients === 'designated' && !platform.designated)
    out.push(
      block(
        'not-designated',
        `${platform.name}（${platform.operator}）は大規模特定電気通信役務提供者に指定されていません。第22条の申出と7日以内の通知義務は指定事業者だけのものです。送信防止措置依頼書（ガイドライン様式）か、事業者自身が発信者なら警告書を使ってください。`,
        `${platform.name} (${platform.operator}) is not a designated large platform. The Art 22 request and the 7-day notice duty apply only to designated platforms; use the guideline form, or a cease-and-desist letter where the operator is itself the poster.`,
      ),
    );
  if (t.recipients === 'youtube' && !onHosts('youtube.com', platform.hosts))
    out.push(block('not-youtube', 'YouTubeのプライバシー侵害の申し立ては、YouTube宛てにだけ作成できます。', 'A YouTube privacy complaint can only go to YouTube.'));
  if (platform.hosts.length === 0)
    out.push(
      block(
        'hosts-unknown',
        `${platform.name}のサービスのホスト名が登録されていません。URLがこの事業者のサービス上にあることを確認してください。`,
        `No host names are recorded for ${platform.name}'s services; confirm the URLs are on this operator's services.`,
        true,
      ),
    );
  else
    for (const u of urls) {
      if (!isHttpUrl(u)) continue;
      const h = hostOf(u);
      if (!onHosts(h, platform.hosts))
        out.push(
          block(
            `host-mismatch:${h}`,
            `URLのホスト ${h} は ${platform.name}（${platform.operator}）のサービス（${platform.hosts.join('、')}）ではありません。宛先が正しいか確認してください。`,
            `The URL host ${h} is not one of ${platform.name}'s (${platform.operator}) services (${platform.hosts.join(', ')}). Check the recipient.`,
            true,
          ),
        );
    }
  return out;
}

export interface Gate {
  /** The grounds this letter states (none contradicted), in the case's order. */
  carried: GroundAssessment[];
  blockers: LetterBlocker[];
  warnings: FitWarning[];
  /** Every carried ground is confirmed: a sworn closing may stand. */
  allConfirmed: boolean;
}

/** Everything that decides whether and how a letter may state its grounds. */
export function gateLetter(
  data: LegalData,
  t: TemplateFile,
  o: {
    facts: CaseFacts;
    grounds: readonly string[];
    platform: Platform;
    urls: readonly string[];
    confirmed: readonly string[];
    /** Who signs (the requester's name), and every name of the case's performers. */
    signer: string | null;
    performerNames: readonly string[];
  },
): Gate {
  const all = assessGrounds(data, o.facts, o.grounds);
  const blockers: LetterBlocker[] = [];
  const warnings: FitWarning[] = [];
  for (const a of all.filter((x) => x.status === 'contradicted'))
    blockers.push(
      block(
        `ground-contradicted:${a.id}`,
        `「${a.name.ja}」は案件の事実と矛盾します（${denied(a.contradicted, 'ja')}）。案件の根拠から外すか、事実を正してください。`,
        `"${a.name.en}" is contradicted by the case's facts (${denied(a.contradicted, 'en')}). Remove it from the case's grounds or correct the facts.`,
      ),
    );
  const carried = all.filter((a) => a.status !== 'contradicted' && t.carries.includes(data.grounds.grounds.find((g) => g.id === a.id)!.family));
  for (const a of all.filter((x) => x.status !== 'contradicted' && !carried.includes(x)))
    warnings.push({
      subject: a.id,
      level: 'info',
      message: { ja: `「${a.name.ja}」はこの様式では扱いません（別の様式で依頼してください）。`, en: `"${a.name.en}" is not carried by this letter (use another form for it).` },
    });
  if (carried.length === 0 && all.every((a) => a.status !== 'contradicted'))
    blockers.push(block('no-grounds', 'この様式で主張できる根拠が選ばれていません。', 'No ground this letter can carry is chosen.'));
  for (const a of carried.filter((x) => x.status === 'belief'))
    warnings.push({
      subject: a.id,
      level: 'review',
      message: {
        ja: `「${a.name.ja}」は未確認の事実（${join(a.unknown, 'ja')}）があるため、依頼者の見解として記載します。送付前に確認してください。`,
        en: `"${a.name.en}" rests on unconfirmed facts (${join(a.unknown, 'en')}), so it is put as the requester's belief. Review before sending.`,
      },
    });
  for (const k of t.requires) {
    const s = factState(o.facts, k);
    if (s === 'met') continue;
    const what = label(k);
    blockers.push(
      s === 'contradicted'
        ? block(`regime-fact:${k}`, `この様式は使えません: 「${what.ja}」が否定されています。`, `This letter does not fit: "${what.en}" is recorded as not so.`)
        : block(`regime-fact:${k}`, `この様式には「${what.ja}」の確認が必要です。`, `This letter needs "${what.en}" confirmed.`),
    );
  }
  const allConfirmed = carried.every((a) => a.status === 'confirmed');
  if (t.sworn && !allConfirmed)
    blockers.push(
      block(
        'sworn-unconfirmed',
        `この様式は偽証罪の制裁のもとでの表明を含むため、根拠の事実がすべて確認されている必要があります（未確認: ${carried.flatMap((a) => a.unknown).map((x) => x.ja).join('、')}）。`,
        `This letter is made under penalty of perjury, so every fact it rests on must be confirmed (unconfirmed: ${carried.flatMap((a) => a.unknown).map((x) => x.en).join('; ')}).`,
      ),
    );
  blockers.push(...capacityBlockers(t, o.facts, o.signer, o.performerNames), ...recipientBlockers(t, o.platform, o.urls));
  for (const g of carried) {
    const def = data.grounds.grounds.find((x) => x.id === g.id)!;
    for (const w of def.warnings) if (o.facts[w.fact] === w.is) warnings.push({ subject: g.id, level: w.level, message: w.message });
  }
  for (const w of t.warnings) if (o.facts[w.fact] === w.is) warnings.push({ subject: `regime:${t.regime}`, level: w.level, message: w.message });
  const open = blockers.filter((b) => !(b.confirmable && o.confirmed.includes(b.id)));
  return { carried, blockers: open, warnings, allConfirmed };
}
