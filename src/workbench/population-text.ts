// The words that go with every score about its population: the two propositions, what the population
// check measured at the score's band, why a band is withheld, and a language mismatch. Used by the
// comparison view, `seimon compare`, the evidence report and letters (ja and en).
import type { PopulationFigures, WithheldReason } from '../domain/index.js';
import { POPULATION_MIN_MULTI_REFERENCE, POPULATION_MIN_PERFORMERS } from '../domain/index.js';
import type { Lang } from './caveats.js';

const pct = (x: number) => `${(100 * x).toFixed(x < 0.001 ? 3 : 2)}`;

const LANG_NAMES: Record<string, { ja: string; en: string }> = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
  zh: { ja: '中国語', en: 'Chinese' },
  ko: { ja: '韓国語', en: 'Korean' },
};
const langName = (code: string, lang: Lang) => LANG_NAMES[code]?.[lang] ?? code;

/** The two propositions the score weighs (AI imitation against the relevant population). */
export function propositionsText(performers: number, lang: Lang): string {
  if (lang === 'ja') {
    return (
      `この類似度は二つの仮説を比べたものです。仮説 1: 疑わしい音声はこの実演家の声から作られた、またはこの声を模倣している。` +
      `仮説 2: 疑わしい音声は関連母集団（登録済みの実演家 ${performers} 名）の別の声に由来する。` +
      '補助的な証拠であり、証明ではありません。'
    );
  }
  return (
    'This score weighs two propositions. H1: the suspect voice was produced from, or imitates, this performer\'s voice. ' +
    `H2: it comes from another voice of the relevant population (the ${performers} enrolled performers). ` +
    'It is supporting evidence, not proof.'
  );
}

/** Why the band is withheld, in words. */
export function withheldText(reason: WithheldReason, f: PopulationFigures, lang: Lang): string {
  const ja = lang === 'ja';
  const head = ja ? '判定の帯域と類似度 % は表示しません（登録済み実演家で検証されていません）。' : 'The verdict band and similarity % are withheld (not validated on your performers). ';
  const tail = ja ? '生のコサイン類似度、正規化スコアと順位のみを示します。' : 'Only the raw cosine, the normalised score and the rank are shown.';
  const why: Record<WithheldReason, [string, string]> = {
    'no-population': ['登録済みの実演家がいないため、母集団で検証できません。', 'There are no enrolled performers to validate the scores on. '],
    'too-few-performers': [
      `検証には実演家 ${POPULATION_MIN_PERFORMERS} 名以上（うち参照録音 2 件以上が ${POPULATION_MIN_MULTI_REFERENCE} 名以上）が必要ですが、現在 ${f.performers} 名です。`,
      `The check needs at least ${POPULATION_MIN_PERFORMERS} performers (${POPULATION_MIN_MULTI_REFERENCE} with two or more references); there are ${f.performers}. `,
    ],
    overstating: [
      '登録済み実演家どうしの比較で、モデルが示す誤一致率を大きく超える誤一致が測定されました。',
      'Comparing the enrolled performers with each other gave far more false matches than the model states. ',
    ],
    'not-checked': ['母集団チェックがまだ実行されていません。', 'The population check has not been run yet. '],
  };
  return head + (ja ? why[reason][0] : why[reason][1]) + tail;
}

/** What the population check measured at a band, next to the model card's figure. */
export function bandFiguresText(f: PopulationFigures, bandKey: string, lang: Lang): string | null {
  const b = f.bands.find((x) => x.key === bandKey);
  if (!b || b.minPercent <= 0) return null;
  const stated = b.statedFalseMatchRate === null ? null : pct(b.statedFalseMatchRate);
  if (lang === 'ja') {
    return (
      `登録済み実演家 ${f.performers} 名での検証: この帯域（${b.minPercent}% 以上）の誤一致率 ${pct(b.falseMatchRate)}%` +
      `（別人どうしの試行 ${f.nonTargetTrials.toLocaleString('ja-JP')} 件、同一人物の試行 ${f.targetTrials} 件）` +
      (stated ? `。モデルカードの値は ${stated}%。` : '。')
    );
  }
  return (
    `Checked on your ${f.performers} performers: ${pct(b.falseMatchRate)} % false matches at this band (>= ${b.minPercent} %) ` +
    `over ${f.nonTargetTrials.toLocaleString('en-US')} different-performer and ${f.targetTrials} same-performer trials` +
    (stated ? `; the model card states ${stated} %.` : '.')
  );
}

/** The language notice, when the performers' languages are not among the model's. */
export function languageNoticeText(f: PopulationFigures, lang: Lang): string | null {
  const m = f.languageMismatch;
  if (!m) return null;
  const perf = m.performers.map((c) => langName(c, lang)).join(lang === 'ja' ? '・' : ', ');
  const model = m.model.map((c) => langName(c, lang)).join(lang === 'ja' ? '・' : ', ');
  return lang === 'ja'
    ? `実演家の言語（${perf}）は、このモデルの学習言語（${model}）と異なります。多言語モデルのインストールをお勧めします。`
    : `The performers' language (${perf}) differs from the language this model was trained on (${model}). Installing a multilingual model is recommended.`;
}

/** Every population sentence for one score, in order. */
export function populationNotes(f: PopulationFigures, band: string, lang: Lang): string[] {
  const out: string[] = [];
  if (f.withheld && band === 'withheld') out.push(withheldText(f.withheld, f, lang));
  else {
    const t = bandFiguresText(f, band, lang);
    if (t) out.push(t);
  }
  const l = languageNoticeText(f, lang);
  if (l) out.push(l);
  return out;
}
