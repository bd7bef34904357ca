// Builds the report's content once, as blocks; html.ts and pdf.ts only lay it out.
import type { Recording, ScoreReading } from '../../domain/index.js';
import { SIMILARITY_DEFINITION_EN, SIMILARITY_DEFINITION_JA } from '../../scoring/verdict.js';
import { weakReasonText } from '../../workbench/caveats.js';
import { scoreStatement } from '../../workbench/population-statement.js';
import { WITHHELD_BAND, windowHopSeconds } from '../../domain/index.js';
import type { Block, ReportDoc } from './blocks.js';
import type { ReportData, ReportPair, SpectrogramImage } from './data.js';
import { svgToPng } from './raster.js';
import { strings } from './strings.js';
import { keyQrFigure } from './key-qr.js';
import type { ReportStrings } from './strings.js';
import { formatSimilarity } from '../../domain/format.js';
import { inconclusiveReasons } from './outcome.js';
import { spectrogramSvg } from './spectrogram-svg.js';
import { captureBlocks } from './captures.js';

const dash = (v: string | null | undefined) => (v == null || v === '' ? '—' : v);
const kb = (n: number) => (n < 10_000 ? `${n} B` : `${(n / 1024).toFixed(0)} KiB`);

/** A band key as people read it (the label from settings, in the report's language). */
function bandLabel(d: ReportData, key: string, t: ReportStrings): string {
  const b = d.bands.find((x) => x.key === key);
  if (b) return d.lang === 'ja' ? b.labelJa : b.labelEn;
  return key === 'uncalibrated' ? t.uncalibrated : key;
}

/** A signed number for people: "−6.748", "+0.412" (a real minus sign, never "+ -"). */
export function signed(x: number, digits = 3): string {
  return `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(digits)}`;
}

function scoreRows(d: ReportData, o: ScoreReading, t: ReportStrings): [string, string][] {
  const rows: [string, string][] = [];
  const withheld = o.band === WITHHELD_BAND;
  rows.push([t.similarity, o.percent !== null ? formatSimilarity(o.percent) : `${withheld ? t.bandWithheld : t.uncalibrated} (${t.rawCosine} ${o.rawCosine.toFixed(3)})`]);
  rows.push([t.band, withheld ? t.bandWithheld : bandLabel(d, o.band, t)]);
  rows.push([t.rawCosine, o.rawCosine.toFixed(4)]);
  if (o.normalized !== null) rows.push([t.normalized, o.normalized.toFixed(3)]);
  if (o.llr !== null) rows.push([t.llr, o.llr.toFixed(3)]);
  return rows;
}

function recordingLine(r: Recording, t: ReportStrings, lang: 'ja' | 'en'): string[] {
  const q = r.quality;
  const weak = r.weakReasons?.length ? `${t.weak}: ${r.weakReasons.map((w) => weakReasonText(w, lang)).join(', ')}` : '';
  return [r.originalName, `${q.speechSeconds.toFixed(1)} / ${q.durationSeconds.toFixed(1)} ${t.seconds}`, q.snrDb === null ? '—' : `${q.snrDb.toFixed(0)} dB`, `${r.sampleRate} Hz`, weak || '—', r.sha256];
}

function figureOf(svg: string, caption: string): Block {
  const png = svgToPng(svg);
  return { kind: 'figure', svg, png, width: png.readUInt32BE(16), height: png.readUInt32BE(20), caption };
}

function spectrogramBlock(img: SpectrogramImage | null, label: string, t: ReportStrings): Block[] {
  if (!img) return [];
  return [figureOf(spectrogramSvg(img, label, t), `${label}: ${img.recording.originalName} (SHA-256 ${img.recording.sha256.slice(0, 16)}…)`)];
}

function thresholdText(p: ReportPair): string {
  const th = p.standing.threshold;
  if (th.field === 'percent') return formatSimilarity(th.value);
  return `${th.field === 'normalized' ? 'AS-norm' : 'cosine'} ≥ ${th.value}`;
}

function outcomeRows(d: ReportData, p: ReportPair, t: ReportStrings): [string, string][] {
  const why = inconclusiveReasons(p.suspect.clips, d.references.filter((r) => r.ownerId === p.performer.id));
  if (!why.length) return [[t.outcome, bandLabel(d, p.comparison.overall.band, t)]];
  return [
    [t.outcome, t.inconclusive],
    [t.inconclusiveWhy, why.map((w) => t.inconclusiveReasons[w] ?? w).join(d.lang === 'ja' ? '、' : ', ')],
  ];
}

function pairBlocks(d: ReportData, p: ReportPair, t: ReportStrings): Block[] {
  const c = p.comparison;
  const s = p.suspect;
  const st = p.standing;
  const rank = st.rank === null ? t.noRank : t.rankOf(st.rank, st.performerCount);
  const cohort = `${st.cohortAtOrAbove} / ${st.cohortCosines.length}`;
  return [
    { kind: 'heading', text: `${p.performer.name} × ${s.label}` },
    { kind: 'subheading', text: t.performer },
    { kind: 'kv', rows: [[t.performer, `${p.performer.name}${p.performer.kana ? `（${p.performer.kana}）` : ''}`], [t.agency, dash(p.performer.agency)]] },
    { kind: 'subheading', text: t.suspect },
    {
      kind: 'kv',
      rows: [
        [t.suspect, s.label],
        [t.service, dash(s.service)],
        [t.operator, dash(s.operator)],
        [t.character, dash(s.characterName)],
        [t.platform, dash(s.platform)],
        [t.url, dash(s.url)],
        [t.uploader, dash(s.uploader)],
        [t.capturedAt, dash(s.capturedAt)],
      ],
    },
    { kind: 'table', head: [t.clips, t.speech, 'SNR', 'Hz', '', 'SHA-256'], rows: s.clips.map((r) => recordingLine(r, t, d.lang)), widths: [0.2, 0.12, 0.07, 0.09, 0.14, 0.38], small: true },
    { kind: 'subheading', text: t.result },
    { kind: 'kv', rows: [...outcomeRows(d, p, t), ...scoreRows(d, c.overall, t)] },
    { kind: 'para', text: c.meaning },
    { kind: 'list', items: scoreStatement(c.population, c.overall.band, d.lang).filter((line) => !c.meaning.includes(line)) },
    { kind: 'para', text: t.othersOver(st.othersOverThreshold, Math.max(0, st.performerCount - (st.rank === null ? 0 : 1)), thresholdText(p)) },
    figureOf(p.timelineSvg, t.timelineCaption),
    figureOf(p.standingSvg, t.standingCaption(p.performer.name, rank, cohort)),
    { kind: 'subheading', text: t.spectrograms },
    ...spectrogramBlock(p.suspectSpectrogram, t.spectrogramSuspect, t),
    ...(d.redaction.referenceAudio ? spectrogramBlock(p.referenceSpectrogram, t.spectrogramReference, t) : []),
    { kind: 'subheading', text: t.caveats },
    c.caveats.length ? { kind: 'list', items: c.caveats } : { kind: 'para', text: t.noCaveats },
  ];
}

/** The relevant population and validation figures, from the one object the pack was given. */
function populationBlocks(d: ReportData, t: ReportStrings): Block[] {
  const pop = d.population;
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const blocks: Block[] = [
    { kind: 'para', text: pop.source === 'model-card' ? t.populationFromCard : t.populationFromCheck, small: true },
    {
      kind: 'kv',
      rows: [
        [t.populationWho, pop.source === 'model-card' ? t.populationCard(pop.speakersLanguage) : t.populationCheck],
        [t.trialsLabel, t.trials(pop.targets, pop.nonTargets)],
        [t.eer, pop.eerPercent === null ? '—' : `${pop.eerPercent.toFixed(1)} %`],
        [t.modelSha, pop.modelSha256],
      ],
    },
  ];
  if (!pop.bands.length) return [...blocks, { kind: 'para', text: t.errorRatesNone }];
  return [
    ...blocks,
    { kind: 'subheading', text: t.errorRates },
    { kind: 'table', head: [t.threshold, t.falseMatch, t.miss], rows: pop.bands.map((b) => [`≥ ${b.minPercent} %（${bandLabel(d, b.key, t)}）`, pct(b.falseMatchRate), pct(b.missRate)]), widths: [0.3, 0.35, 0.35] },
  ];
}

function modelBlocks(d: ReportData, t: ReportStrings): Block[] {
  const m = d.model;
  const cal = m.calibration as { a?: number; b?: number; nTarget?: number; nNonTarget?: number; scoreKind?: string; fittedAt?: string } | null;
  const calText =
    cal && typeof cal.a === 'number'
      ? `LLR = ${cal.a.toFixed(3)} × ${cal.scoreKind === 'as-norm' ? t.normalized : t.rawCosine} ${signed(cal.b ?? 0).replace(/^([+−])/, '$1 ')} (${t.trials(cal.nTarget ?? null, cal.nNonTarget ?? null)}${cal.fittedAt ? `, ${cal.fittedAt.slice(0, 10)}` : ''})`
      : t.calibrationNone;
  return [
    {
      kind: 'kv',
      rows: [
        [t.modelName, m.displayName],
        [t.modelSha, m.sha256],
        [t.licence, dash(m.licence)],
        [t.language, dash(m.language)],
        [t.preset, `${m.preset}, ${m.embeddingDim}-dim`],
        [t.window, `${m.windowSeconds} s / ${windowHopSeconds('score', m)} s, ${m.sampleRate} Hz`],
        [t.timelineWindow, `${m.windowSeconds} s / ${windowHopSeconds('timeline', m)} s`],
        [t.calibration, calText],
      ],
    },
  ];
}

/** The grounds chosen on the case, each marked when its facts are unconfirmed; else the free-text grounds. */
function groundsLine(c: ReportData['case'], lang: 'ja' | 'en'): string {
  if (c.legal.grounds.length === 0) return dash(c.legalGrounds);
  const mark = { confirmed: '', belief: lang === 'ja' ? '（事実確認中）' : ' (facts being confirmed)', contradicted: lang === 'ja' ? '（事実と矛盾）' : ' (contradicted by the facts)' };
  return c.legal.grounds.map((g) => `${g.name[lang]}${mark[g.status]}`).join(lang === 'ja' ? '、' : '; ');
}

/** The whole report as blocks (plots rendered to PNG for the PDF, kept as SVG for the HTML). */
export function buildReport(d: ReportData): ReportDoc {
  const t = strings(d.lang);
  const c = d.case;
  const r = d.redaction;
  const blocks: Block[] = [
    { kind: 'callout', text: t.methodStatement },
    { kind: 'heading', text: t.caseSummary },
    {
      kind: 'kv',
      rows: [
        [t.caseId, c.id],
        [t.caseTitle, c.title],
        [t.status, t.statuses[c.status] ?? c.status],
        [t.platform, dash(d.platformName)],
        [t.legalGrounds, groundsLine(c, d.lang)],
        ...(r.internalNotes ? [[t.notes, dash(c.notes)] as [string, string]] : []),
        [t.createdAt, d.createdAt],
        [t.examiner, d.examiner.name],
        [t.examinerRole, d.examiner.role],
        [t.exportedBy, `Seimon ${d.softwareVersion}`],
        [t.packKind, r.recipient ? t.recipientPack : t.internalPack(r.referenceAudio, r.otherPerformers)],
      ],
    },
    { kind: 'heading', text: t.propositions },
    { kind: 'list', items: [...d.pairs.map((p) => t.propHp(p.performer.name, p.suspect.label)).filter((x, i, a) => a.indexOf(x) === i), t.propHd] },
    { kind: 'para', text: t.propNote },
    { kind: 'heading', text: t.definition },
    { kind: 'para', text: d.lang === 'ja' ? SIMILARITY_DEFINITION_JA : SIMILARITY_DEFINITION_EN },
    { kind: 'heading', text: t.population },
    ...populationBlocks(d, t),
    ...d.pairs.flatMap((p) => pairBlocks(d, p, t)),
    ...captureBlocks(d.captures, d.lang),
    { kind: 'heading', text: t.references },
    { kind: 'para', text: t.referenceAudio(d.referenceAudioIncluded) },
    { kind: 'table', head: [t.file, t.speech, 'SNR', 'Hz', t.weak, 'SHA-256'], rows: d.references.map((r) => recordingLine(r, t, d.lang)), widths: [0.2, 0.12, 0.07, 0.09, 0.14, 0.38], small: true },
    { kind: 'heading', text: t.modelCard },
    ...modelBlocks(d, t),
    { kind: 'heading', text: t.method },
    { kind: 'callout', text: t.methodStatement },
    { kind: 'para', text: t.methodBody },
    { kind: 'heading', text: t.hashes },
    { kind: 'table', head: [t.file, t.size, 'SHA-256'], rows: d.files.map((f) => [f.path, kb(f.size), f.sha256]), widths: [0.36, 0.1, 0.54], small: true },
    { kind: 'heading', text: t.signature },
    { kind: 'para', text: t.signatureBody(d.fingerprint) },
    keyQrFigure(d.publicKeyPem, t.keyQrCaption(d.fingerprint)),
    { kind: 'para', text: t.verifyHow },
    { kind: 'subheading', text: t.timestamp },
    { kind: 'para', text: d.tsaUrl ? t.timestampRequested(d.tsaUrl, 'timestamp.tsr') : t.timestampNone },
    { kind: 'heading', text: t.audit },
    { kind: 'para', text: t.auditBody(d.audit.included, d.audit.total, d.audit.chainVerified) },
  ];
  return { title: t.title, subtitle: `${t.subtitle} — ${c.title}`, lang: d.lang, footer: `${c.id} · Ed25519 ${d.fingerprint}`, fingerprint: d.fingerprint, blocks };
}
