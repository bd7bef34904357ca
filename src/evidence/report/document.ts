// Builds the report's content once, as blocks; html.ts and pdf.ts only lay it out.
import type { Recording, ScoreReading } from '../../domain/index.js';
import { SIMILARITY_DEFINITION_EN, SIMILARITY_DEFINITION_JA } from '../../scoring/verdict.js';
import { weakReasonText } from '../../workbench/caveats.js';
import type { Block, ReportDoc } from './blocks.js';
import type { ReportData, ReportPair, SpectrogramImage } from './data.js';
import { svgToPng } from './raster.js';
import { strings } from './strings.js';
import type { ReportStrings } from './strings.js';
import { formatSimilarity } from '../../domain/format.js';

const dash = (v: string | null | undefined) => (v == null || v === '' ? '—' : v);
const kb = (n: number) => (n < 10_000 ? `${n} B` : `${(n / 1024).toFixed(0)} KiB`);

function scoreRows(o: ScoreReading, t: ReportStrings): [string, string][] {
  const rows: [string, string][] = [];
  rows.push([t.similarity, o.percent === null ? `${t.uncalibrated} (${t.rawCosine} ${o.rawCosine.toFixed(3)})` : formatSimilarity(o.percent)]);
  rows.push([t.band, o.band]);
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

function spectrogramBlock(img: SpectrogramImage | null, label: string): Block[] {
  if (!img) return [];
  return [{ kind: 'figure', svg: null, png: img.png, width: img.width, height: img.height, caption: `${label}: ${img.recording.originalName} (SHA-256 ${img.recording.sha256.slice(0, 16)}…)` }];
}

function pairBlocks(d: ReportData, p: ReportPair, t: ReportStrings): Block[] {
  const c = p.comparison;
  const s = p.suspect;
  const st = p.standing;
  const rank = st.rank === null ? t.noRank : t.rankOf(st.rank, st.performers.length);
  const cohort = `${st.cohortAtOrAbove} / ${st.cohortCosines.length}`;
  return [
    { kind: 'heading', text: `${p.performer.name} × ${s.label}` },
    { kind: 'subheading', text: t.performer },
    { kind: 'kv', rows: [[t.performer, `${p.performer.name}${p.performer.kana ? `（${p.performer.kana}）` : ''}`], [t.agency, dash(p.performer.agency)], ['ID', p.performer.id]] },
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
        ['ID', s.id],
      ],
    },
    { kind: 'table', head: [t.clips, t.speech, 'SNR', 'Hz', '', 'SHA-256'], rows: s.clips.map((r) => recordingLine(r, t, d.lang)), widths: [0.2, 0.12, 0.07, 0.09, 0.14, 0.38], small: true },
    { kind: 'subheading', text: t.result },
    { kind: 'kv', rows: scoreRows(c.overall, t) },
    { kind: 'para', text: c.meaning },
    figureOf(p.timelineSvg, t.timelineCaption),
    figureOf(p.standingSvg, t.standingCaption(p.performer.name, rank, cohort)),
    { kind: 'subheading', text: t.spectrograms },
    ...spectrogramBlock(p.suspectSpectrogram, t.spectrogramSuspect),
    ...spectrogramBlock(p.referenceSpectrogram, t.spectrogramReference),
    { kind: 'subheading', text: t.caveats },
    c.caveats.length ? { kind: 'list', items: c.caveats } : { kind: 'para', text: t.noCaveats },
  ];
}

function errorRateBlocks(d: ReportData, t: ReportStrings): Block[] {
  const er = d.errorRates;
  if (!er) return [{ kind: 'para', text: t.errorRatesNone }];
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const note = `${er.source}${er.targets !== null ? ` — n = ${er.targets} / ${er.nonTargets}` : ''}${er.eerPercent !== null ? `, EER ${er.eerPercent.toFixed(1)} %` : ''}`;
  return [
    { kind: 'table', head: [t.threshold, t.falseMatch, t.miss], rows: er.bands.map((b) => [`≥ ${b.minPercent} % (${b.key})`, pct(b.falseMatchRate), pct(b.missRate)]), widths: [0.3, 0.35, 0.35] },
    { kind: 'para', text: note, small: true },
  ];
}

function modelBlocks(d: ReportData, t: ReportStrings): Block[] {
  const m = d.model;
  const cal = m.calibration as { a?: number; b?: number; nTarget?: number; nNonTarget?: number; scoreKind?: string; fittedAt?: string } | null;
  const calText = cal && typeof cal.a === 'number' ? `llr = ${cal.a.toFixed(3)} × ${cal.scoreKind ?? 'score'} + ${(cal.b ?? 0).toFixed(3)} (n = ${cal.nTarget ?? '?'} / ${cal.nNonTarget ?? '?'}, ${cal.fittedAt ?? ''})` : t.calibrationNone;
  return [
    {
      kind: 'kv',
      rows: [
        [t.modelName, `${m.displayName} (${m.id})`],
        [t.modelSha, m.sha256],
        [t.licence, dash(m.licence)],
        [t.language, dash(m.language)],
        [t.preset, `${m.preset}, ${m.embeddingDim}-dim`],
        [t.window, `${m.windowSeconds} s / ${m.hopSeconds} s, ${m.sampleRate} Hz`],
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
  const blocks: Block[] = [
    { kind: 'callout', text: t.methodStatement },
    { kind: 'heading', text: t.caseSummary },
    {
      kind: 'kv',
      rows: [
        [t.caseId, c.id],
        [t.caseTitle, c.title],
        [t.status, t.statuses[c.status] ?? c.status],
        [t.platform, dash(c.platform)],
        [t.legalGrounds, groundsLine(c, d.lang)],
        [t.notes, dash(c.notes)],
        [t.createdAt, d.createdAt],
        [t.exportedBy, `${d.actor} — Seimon ${d.softwareVersion}`],
      ],
    },
    { kind: 'heading', text: t.definition },
    { kind: 'para', text: d.lang === 'ja' ? SIMILARITY_DEFINITION_JA : SIMILARITY_DEFINITION_EN },
    { kind: 'subheading', text: t.errorRates },
    ...errorRateBlocks(d, t),
    ...d.pairs.flatMap((p) => pairBlocks(d, p, t)),
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
    { kind: 'heading', text: t.audit },
    { kind: 'para', text: t.auditBody(d.audit.included, d.audit.total, d.audit.chainVerified) },
  ];
  return { title: t.title, subtitle: `${t.subtitle} — ${c.title}`, lang: d.lang, footer: `${c.id} · Ed25519 ${d.fingerprint}`, blocks };
}
