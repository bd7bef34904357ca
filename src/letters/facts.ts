// What each case fact is called, and whether it is confirmed, unknown or contradicted.
import type { CaseFacts, FactKey, Text } from '../domain/letters.js';

export type FactState = 'met' | 'unknown' | 'contradicted';

export const FACT_LABELS: Record<FactKey, Text> = {
  usedActualRecordings: { ja: '本人の実際の録音が使われた', en: 'actual recordings of the performer were used' },
  hasVideo: { ja: '本人の顔・姿を模した映像がある', en: "there is video depicting the performer's face or figure" },
  commercialUse: { ja: '営業・商業的な利用である', en: 'the use is commercial (in business)' },
  electionCandidate: { ja: '本人が選挙の候補者である', en: 'the person is an election candidate' },
  exclusiveExploitation: { ja: '専ら本人の顧客吸引力の利用を目的とする使用である', en: "the use aims exclusively at exploiting the performer's customer-attracting power" },
  wellKnownVoice: { ja: '本人の声が営業の表示として周知・著名である', en: 'the voice is a well-known or famous indication of the business' },
  misleadingIndication: { ja: '本人の出演・公認と誤認させる表示がある', en: 'the voice is presented as if the performer took part or endorsed it' },
  discreditsBusiness: { ja: '競争者が虚偽の事実で本人の営業上の信用を害している', en: "a competitor spreads false facts harming the performer's business reputation" },
  harmsReputation: { ja: 'AI音声が本人の社会的評価を下げる内容を述べている', en: "the AI voice says things that lower the performer's reputation" },
  insulting: { ja: 'AI音声が社会通念上許される限度を超える侮辱的な内容を述べている', en: 'the AI voice says insulting things beyond what is socially tolerable' },
  cinematographicConsent: { ja: '複製された実演は映画の著作物（アニメ・吹替等）への録音を許諾したもの', en: 'the copied performance was recorded with consent in a cinematographic work (anime, dubbing)' },
  operatorIsPoster: { ja: '宛先の事業者自身が情報を公開している（発信者である）', en: 'the operator addressed itself publishes the information (is the poster)' },
  copiedWork: { ja: '複製された著作物（作品名・話数・トラック）', en: 'the copied work (title, episode, track)' },
  workOwner: { ja: 'その著作物の著作権者', en: 'the owner of the copyright in that work' },
  ownerAuthorised: { ja: '差出人が著作権者又はその許諾を受けた者である', en: 'the sender is the copyright owner or authorised by the owner' },
  euLegalBasis: { ja: 'EU法又は加盟国法上の根拠', en: 'the legal basis under Union or Member State law' },
  capacity: { ja: '差出人の立場', en: "the sender's capacity" },
  principal: { ja: '本人（依頼人）の氏名', en: 'the principal (the person acted for)' },
  poaSignedOn: { ja: '委任状の日付', en: 'the date of the power of attorney' },
  agentUnpaid: { ja: '弁護士でない代理人が報酬を得ず、業として行わない', en: 'the non-lawyer agent acts without pay and not as a business' },
  ownInterest: { ja: '団体自身の利益がある', en: 'the organisation has its own interest' },
  legalRepresentative: { ja: '差出人が本人の法定代理人である', en: "the sender is the performer's legal representative" },
};

/** 'met' when confirmed, 'unknown' when not established, 'contradicted' when recorded as not so. */
export function factState(facts: CaseFacts, key: FactKey): FactState {
  const v = facts[key];
  if (v === 'yes' || v === true) return 'met';
  if (v === 'no' || v === false) return 'contradicted';
  if (v === 'unknown' || v === null) return 'unknown';
  return typeof v === 'string' && v.trim() !== '' ? 'met' : 'unknown';
}
