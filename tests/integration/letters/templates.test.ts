// Every regime's required elements (../shared/docs/takedown-law.md), checked field by field in ja and
// en: each letter drafted from a case built through the real core whose facts fit it, exported as PDF,
// DOCX and text, and read back from the outside (pdftotext, pdffonts, the DOCX zip, LibreOffice).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src/api/contract.js';
import type { GuidelineForm, Lang, LetterRegime } from '../../../src/domain/letters.js';
import { closeCore } from '../../../src/store/open-core.js';
import { legalData, templateId } from '../../../src/letters/data/load.js';
import type { Built } from './helpers.js';
import { buildCase, hasTool, op, PERFORMER_REQUESTER, REQUESTER } from './helpers.js';

const HAS_POPPLER = hasTool('pdftotext') && hasTool('pdffonts');
const HAS_LIBREOFFICE = hasTool('libreoffice') || hasTool('soffice');
if (!HAS_POPPLER) console.warn('pdftotext/pdffonts not found: skipping PDF text and font checks');
if (!HAS_LIBREOFFICE) console.warn('libreoffice not found: skipping the DOCX → PDF conversion check');

const dir = process.env.LETTER_PDF_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-letters-out-'));
fs.mkdirSync(dir, { recursive: true });
const NICO = 'https://www.nicovideo.jp/watch/sm00000000';
const YT = 'https://www.youtube.com/watch?v=abc123';
const VOICE = 'https://voices.example.jp/characters/42';

interface Setup {
  regime: LetterRegime;
  form?: GuidelineForm;
  url: string;
  platform: string | 'ai-service';
  grounds: string[];
  facts: InputOf<'grounds.setForCase'>['facts'];
  /** The performer signs for themself (default: the union in its own name). */
  self?: boolean;
  /** A lawyer signs for the performer. */
  lawyer?: boolean;
  /** What the letter must say, per language (label text, statutory wording), beyond every field label. */
  must: Record<Lang, string[]>;
  mustNot?: Record<Lang, string[]>;
}

const personalityFacts = { usedActualRecordings: 'no', commercialUse: 'yes', exclusiveExploitation: 'yes', harmsReputation: 'yes' } as const;
const SETUPS: Setup[] = [
  {
    regime: 'idpa',
    url: NICO,
    platform: 'dwango-niconico',
    grounds: ['defamation', 'publicity'],
    facts: { ...personalityFacts, capacity: 'self' },
    self: true,
    must: {
      ja: ['削除申出書', '第22条第1項', '第25条第1項', '施行規則第16条', '7日以内', '侵害されたとする権利', '権利が侵害されたとする理由', '名誉権', 'パブリシティ権', '上記の内容は事実に相違ありません', '私の権利'],
      en: ['Request for removal', 'Article 22(1)', 'Article 25(1)', 'Article 16', 'within 7 days', 'Rights claimed to be infringed', 'Right to reputation', 'The above is true', 'my rights'],
    },
  },
  {
    regime: 'guideline',
    url: VOICE,
    platform: 'ai-service',
    grounds: ['defamation', 'honour-feeling'],
    facts: { ...personalityFacts, insulting: 'yes' },
    must: {
      ja: ['侵害情報の通知書 兼 送信防止措置依頼書', '名誉毀損・プライバシー', '貴社に対し', '掲載されている場所', '掲載されている情報', '権利が侵害されたとする理由（被害の状況など）', '事実に相違なく', 'そのまま通知', '記名押印', '印鑑登録証明書'],
      en: ['request for measures to prevent transmission', 'defamation and privacy', 'Where it is posted', 'Information posted', 'Reasons the rights are infringed', 'passed by you to the poster', 'Seal registration certificate'],
    },
    mustNot: { ja: ['あなた', '証拠書類を添付いたします'], en: ['Form A'] },
  },
  {
    regime: 'guideline',
    form: 'copyright',
    url: NICO,
    platform: 'dwango-niconico',
    grounds: ['performers-rights'],
    // An organisation does not hold the performer's rights: a lawyer sends the copyright form here.
    facts: { usedActualRecordings: 'yes', cinematographicConsent: 'no', copiedWork: 'CDドラマ「テスト」第1巻 トラック3', capacity: 'lawyer', poaSignedOn: '2025-04-01' },
    lawyer: true,
    must: {
      ja: ['（著作権等）', '代理人弁護士として', '依頼人の著作権等', '委任状（2025-04-01付）', '様式A', '侵害情報特定のための情報', '著作物等の説明', 'CDドラマ「テスト」第1巻 トラック3', '著作権等侵害の態様', '権利侵害を確認可能な方法', '証拠書類を添付いたします。また、上記内容が、事実に相違ないことを証します。', '第91条', '第92条の2'],
      en: ['(copyright and related rights)', 'Form A', 'I write as the lawyer (bengoshi) acting for', "the Client's copyright", 'Power of attorney (dated 2025-04-01)', 'Information identifying the infringing material', 'Description of the work or performance', 'How the infringement can be verified', 'I certify that the above is true', 'Art 91'],
    },
  },
  {
    regime: 'dmca',
    url: NICO,
    platform: 'dwango-niconico',
    grounds: ['performers-rights'],
    facts: { usedActualRecordings: 'yes', cinematographicConsent: 'no', copiedWork: 'Anime "Test" episode 3 (audiovisual work)', workOwner: 'Test Production Committee', ownerAuthorised: 'yes' },
    must: {
      ja: ['512条(c)(3)', '侵害された著作物の特定', 'Anime "Test" episode 3', '著作権者: Test Production Committee', '資料の所在', '善意', '偽証罪の制裁', '署名'],
      en: ['§512(c)(3)', 'Copyrighted work claimed to be infringed', 'Copyright owner: Test Production Committee', 'Location of the material', 'good faith belief', 'under penalty of perjury', 'Signature (physical or electronic)'],
    },
  },
  {
    regime: 'dsa',
    url: NICO,
    platform: 'dwango-niconico',
    grounds: ['defamation'],
    facts: { ...personalityFacts, euLegalBasis: 'German Civil Code §§ 823(1), 1004 (allgemeines Persönlichkeitsrecht)' },
    must: {
      ja: ['第16条', 'EU法又は加盟国法', 'German Civil Code', '電子的な通知の仕組み', '正確な所在', '通知者の氏名及び電子メールアドレス', '誠実に信じて'],
      en: ['Article 16', 'Union or Member State law', 'German Civil Code', 'electronic', 'Exact electronic location', 'Name and email address of the notifier', 'bona fide belief', 'Article 3(h)'],
    },
  },
  {
    regime: 'youtube',
    url: YT,
    platform: 'google-youtube',
    grounds: ['defamation'],
    facts: { ...personalityFacts, capacity: 'self' },
    self: true,
    must: {
      ja: ['プライバシー侵害の申し立て', '本人又は法定代理人', 'タイムスタンプ', '投稿者に通知した時から48時間'],
      en: ['privacy complaint', 'legal representative', 'timestamps', "48 hours from YouTube's notice"],
    },
  },
  {
    regime: 'warning',
    url: VOICE,
    platform: 'ai-service',
    grounds: ['publicity', 'ucpa-misleading'],
    facts: { ...personalityFacts, misleadingIndication: 'yes', operatorIsPoster: 'yes' },
    must: {
      ja: ['警告書', '自ら公開しています', '要求事項', '翌日から起算して14日以内', '専ら', '第2条第1項第20号'],
      en: ['Cease-and-desist letter', 'You yourselves publish', 'Demands', 'within 14 days, counted from the day after', 'exclusively', 'Art 2(1)(xx)'],
    },
  },
];

const built: Built[] = [];
afterAll(() => built.forEach((b) => closeCore(b.ctx)));
const squash = (s: string) => s.replace(/\s+/g, '');

async function prepare(s: Setup): Promise<{ b: Built; platformId: string }> {
  const b = await buildCase({ url: s.url, grounds: s.grounds, facts: s.facts, requester: s.self ? PERFORMER_REQUESTER : REQUESTER });
  built.push(b);
  if (s.platform !== 'ai-service') return { b, platformId: s.platform };
  const p = await op(b.ctx, 'platforms.add', { name: 'にせボイス', operator: '架空AI株式会社', regime: 'idpa-other', kind: 'ai-voice-service', hosts: ['voices.example.jp'] });
  return { b, platformId: p.id };
}

describe.each(SETUPS.flatMap((s) => (['ja', 'en'] as const).map((l) => [`${s.regime}${s.form ? `-${s.form}` : ''}`, l, s] as const)))('%s letter in %s', (name, lang, s) => {
  it('carries every required element, field by field, in PDF, DOCX and text', async () => {
    const { b, platformId } = await prepare(s);
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime: s.regime, form: s.form ?? null, lang, platformId });
    expect(d.blockers).toEqual([]);
    expect(d.missing).toEqual([]);
    expect(d.grounds.every((g) => g.status === 'confirmed')).toBe(true);
    const t = legalData().templates[templateId(s.regime, d.form)];
    const statement = legalData().grounds.scoreStatement[lang];
    const who = s.self ? PERFORMER_REQUESTER : REQUESTER;
    const capacity = s.self || s.lawyer ? [] : lang === 'ja' ? ['当団体は、所属する', '当団体自身の利益に基づき', '山田 花子（やまだ はなこ）及び当団体の権利'] : ['in our own name and in our own interest', 'concerning Hanako Yamada (山田 花子)', "Hanako Yamada (山田 花子)'s and our rights"];
    const expected = [t.title[lang], ...t.fields.map((f) => f.label[lang]), s.url, b.clipSha256, who.email, who.name, statement, ...s.must[lang], ...(s.regime === 'idpa' || s.regime === 'warning' || (s.regime === 'guideline' && !s.form) ? capacity : capacity.slice(0, 2))];

    const txt = await op(b.ctx, 'letters.export', { id: d.id, format: 'txt' });
    const text = Buffer.from(txt.bytes).toString('utf8');
    for (const e of expected) expect(text, e).toContain(e);
    for (const e of s.mustNot?.[lang] ?? []) expect(text, e).not.toContain(e);
    expect(txt.fields.map((f) => f.key)).toEqual(t.fields.map((f) => f.key));
    expect(txt.fields.find((f) => f.key === 'locations')?.text).toContain(s.url);
    expect(text).toContain('2025-05-01 12:00 JST'); // posted at, as entered

    const pdf = await op(b.ctx, 'letters.export', { id: d.id, format: 'pdf' });
    const pdfFile = path.join(dir, `${name}-${lang}.pdf`);
    fs.writeFileSync(pdfFile, pdf.bytes);
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    if (HAS_POPPLER) {
      const extracted = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']).toString('utf8'));
      for (const e of expected) expect(extracted, e).toContain(squash(e));
      const fonts = execFileSync('pdffonts', [pdfFile]).toString('utf8');
      expect(fonts).toMatch(/NotoSansJP-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      const info = execFileSync('pdfinfo', [pdfFile]).toString('utf8');
      expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/);
    }

    const docx = await op(b.ctx, 'letters.export', { id: d.id, format: 'docx' });
    const zip = unzipSync(docx.bytes);
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']));
    const xml = strFromU8(zip['word/document.xml']!);
    for (const e of [t.fields[0]!.label[lang], b.clipSha256, who.email]) expect(xml).toContain(e);
    if (HAS_LIBREOFFICE && lang === 'ja' && (s.regime === 'idpa' || s.regime === 'warning')) {
      const docxFile = path.join(dir, `${name}-${lang}.docx`);
      fs.writeFileSync(docxFile, docx.bytes);
      execFileSync(hasTool('libreoffice') ? 'libreoffice' : 'soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'lo'), docxFile], { timeout: 90_000 });
      expect(fs.statSync(path.join(dir, 'lo', `${name}-${lang}.pdf`)).size).toBeGreaterThan(1000);
    }
  });
});

it('marks the rights and reasons fields of Japanese-law requests as passed to the poster verbatim', async () => {
  const b = await buildCase({ grounds: ['defamation'], facts: personalityFacts });
  built.push(b);
  for (const regime of ['idpa', 'guideline'] as const) {
    const d = await op(b.ctx, 'letters.draft', { caseId: b.caseId, regime, lang: 'ja', platformId: 'dwango-niconico' });
    expect(d.fields.filter((f) => f.verbatimToPoster).map((f) => f.key)).toEqual(['rights', 'reasons']);
  }
});
