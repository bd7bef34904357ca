// Lays out a pack: the evidence files, then the report (which lists their hashes), then manifest.json
// over all of them and signature.json over the manifest's exact bytes.
import { escapeBidiJson, revealBidi, revealBidiDeep } from '../../core/bidi.js';
import type { CoreContext } from '../../core/context.js';
import { contentPath } from '../../store/content.js';
import { getBands } from '../../store/settings.js';
import type { Examiner, PackRedaction } from '../../domain/evidence.js';
import { WHOLE_SPEECH_WINDOW_SECONDS, windowHopSeconds } from '../../domain/index.js';
import type { SigningKey } from '../signing-key.js';
import { rawSignature, signManifest } from '../signature.js';
import { buildReport } from '../report/document.js';
import { renderHtml } from '../report/html.js';
import { renderPdf } from '../report/pdf.js';
import type { ReportData } from '../report/data.js';
import { standingSvg } from '../report/standing-svg.js';
import { strings } from '../report/strings.js';
import type { Lang } from '../report/strings.js';
import { timelineSvg } from '../report/timeline-svg.js';
import { digestEntry } from '../zip/write.js';
import type { Digest, ZipEntry } from '../zip/write.js';
import type { CaseEvidence } from './collect.js';
import { scoresCsv, standingCountsCsv, standingCsv, timelineCsv } from './csv.js';
import { PUBLIC_KEY_NAME, RAW_SIGNATURE_NAME, SUMS_NAME, TIMESTAMP_NAME, VERIFY_NAME, sha256sums } from './layout.js';
import { captureEntries, collectCaptures } from './captures.js';
import { captureThumbnail } from '../report/captures.js';
import { MANIFEST_NAME, PACK_FORMAT, PACK_FORMAT_VERSION, SIGNATURE_NAME, manifestBytes } from './manifest.js';
import type { ManifestTimestamp, PackManifest } from './manifest.js';
import { redactCase, redactPerformer, redactSuspect } from './redact.js';
import { verifyText } from './verify-text.js';

export interface BuildOptions {
  lang: Lang;
  redaction: PackRedaction;
  examiner: Examiner;
  /** The TSA a token will be requested from (null: none configured). */
  tsaUrl: string | null;
  createdAt: Date;
  key: SigningKey;
}

type Built = { entry: ZipEntry; digest: Digest };

/** The pack's listed files; the manifest and signatures are made once the time-stamp outcome is known. */
export interface PackBody {
  files: Built[];
  manifestFor: (timestamp: ManifestTimestamp) => PackManifest;
}

export interface BuiltPack {
  entries: Built[];
  manifest: PackManifest;
  manifestSha256: string;
}

/** JSON exactly as stored, with bidi controls escaped so no viewer reorders the text. */
const json = (v: unknown) => Buffer.from(escapeBidiJson(JSON.stringify(v, null, 2)) + '\n', 'utf8');

/** A stored file's original name made safe as a path segment (letters of any script, digits, . _ -). */
export function safeSegment(name: string): string {
  const s = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_').slice(0, 80);
  return s || 'file';
}

function evidenceFiles(ctx: CoreContext, ev: CaseEvidence, o: BuildOptions): ZipEntry[] {
  const t = strings(o.lang);
  const r = o.redaction;
  const out: ZipEntry[] = [
    {
      name: 'case.json',
      source: json({ case: redactCase(ev.case, r), performers: ev.pairs.map((p) => redactPerformer(p.performer, r)), suspects: ev.pairs.map((p) => redactSuspect(p.suspect, r)) }),
    },
  ];
  const seenClip = new Set<string>();
  for (const p of ev.pairs) {
    for (const k of p.suspect.clips) {
      if (seenClip.has(k.id)) continue;
      seenClip.add(k.id);
      out.push({ name: `clips/${p.suspect.id}/${k.id}-${safeSegment(k.originalName)}`, source: { file: contentPath(ctx.dataDir, k.sha256) } });
    }
  }
  out.push({ name: 'scores/comparisons.json', source: json(ev.pairs.map((p) => p.comparison)) });
  out.push({ name: 'scores/scores.csv', source: scoresCsv(revealBidiDeep(ev.pairs.map((p) => p.comparison))) });
  for (const p of ev.pairs) {
    const stem = `${p.performer.id}--${p.suspect.id}`;
    out.push({ name: `scores/timeline-${stem}.csv`, source: timelineCsv(revealBidiDeep(p.comparison)) });
    out.push({ name: `scores/standing-${stem}.json`, source: json(p.standing) });
    out.push({ name: `scores/standing-${stem}.csv`, source: standingCountsCsv(p.standing) });
    if (p.standing.performers) out.push({ name: `scores/standing-all-performers-${stem}.csv`, source: standingCsv(revealBidiDeep(p.standing)) });
    out.push({ name: `plots/timeline-${stem}.svg`, source: Buffer.from(timelineSvg(revealBidiDeep(p.comparison), t)) });
    out.push({ name: `plots/standing-${stem}.svg`, source: Buffer.from(standingSvg(p.standing, revealBidi(p.performer.name), t)) });
    for (const img of [p.suspectSpectrogram, p.referenceSpectrogram]) {
      if (img && !out.some((e) => e.name === `plots/spectrogram-${img.recording.id}.png`)) out.push({ name: `plots/spectrogram-${img.recording.id}.png`, source: img.png });
    }
  }
  out.push({ name: 'references/references.json', source: json({ audioIncluded: r.referenceAudio, references: ev.references }) });
  if (r.referenceAudio) {
    for (const r of ev.references) out.push({ name: `references/audio/${r.ownerId}/${r.id}-${safeSegment(r.originalName)}`, source: { file: contentPath(ctx.dataDir, r.sha256) } });
  }
  out.push(...captureEntries(ctx, collectCaptures(ctx, ev.pairs.map((p) => p.suspect))));
  out.push({ name: 'audit/audit-log.json', source: json({ note: 'Entries of the Seimon audit log about this case, its performers, suspects, recordings and model. Each hash = SHA-256 of JSON [prevHash, at, actor, action, objectType, objectId, details].', chain: ev.chain, entries: ev.audit }) });
  return out;
}

function reportData(ctx: CoreContext, ev: CaseEvidence, o: BuildOptions, files: { path: string; sha256: string; size: number }[]): ReportData {
  const t = strings(o.lang);
  return {
    lang: o.lang,
    createdAt: o.createdAt.toISOString(),
    actor: ctx.actor,
    softwareVersion: ctx.version,
    case: ev.case,
    model: ev.model,
    errorRates: ev.errorRates,
    pairs: ev.pairs.map((p) => ({ ...p, timelineSvg: timelineSvg(p.comparison, t), standingSvg: standingSvg(p.standing, p.performer.name, t) })),
    references: ev.references,
    fingerprint: o.key.fingerprint,
    publicKeyPem: o.key.publicKeyPem,
    files,
    audit: { included: ev.audit.length, total: ev.chain.count, chainVerified: ev.chain.ok },
    referenceAudioIncluded: o.redaction.referenceAudio,
    redaction: o.redaction,
    examiner: o.examiner,
    tsaUrl: o.tsaUrl,
    population: ev.population,
    bands: getBands(ctx.db).map(({ key, minPercent, labelJa, labelEn }) => ({ key, minPercent, labelJa, labelEn })),
    platformName: ev.platformName,
    captures: collectCaptures(ctx, ev.pairs.map((p) => p.suspect)).map((c) => ({ capture: c, suspectLabel: ev.pairs.find((p) => p.suspect.id === c.suspectId)?.suspect.label ?? c.suspectId, thumbnail: captureThumbnail(ctx, c) })),
  };
}

function manifestOf(ctx: CoreContext, ev: CaseEvidence, o: BuildOptions, files: PackManifest['files'], timestamp: ManifestTimestamp): PackManifest {
  const m = ev.model;
  const first = ev.pairs[0]?.comparison;
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    createdAt: o.createdAt.toISOString(),
    createdBy: ctx.actor,
    software: { name: 'Seimon', version: ctx.version, node: process.version, platform: `${process.platform}-${process.arch}` },
    language: o.lang,
    case: {
      id: ev.case.id,
      title: ev.case.title,
      status: ev.case.status,
      platform: ev.case.platform,
      legalGrounds: ev.case.legalGrounds,
      grounds: ev.case.legal.grounds,
      // The facts behind the grounds are internal working: recipients see the grounds only.
      facts: o.redaction.recipient ? null : { ...ev.case.legal.facts },
    },
    examiner: o.examiner,
    redaction: o.redaction,
    timestamp,
    sha256sums: files.find((f) => f.path === SUMS_NAME)?.sha256 ?? '',
    signingKey: { algorithm: 'Ed25519', fingerprint: o.key.fingerprint, publicKey: o.key.publicKeyRaw.toString('base64') },
    model: { id: m.id, sha256: m.sha256, sizeBytes: m.sizeBytes, calibrated: first?.model.calibrated ?? false, manifest: { ...m } },
    parameters: {
      preset: m.preset,
      sampleRate: m.sampleRate,
      windowSeconds: m.windowSeconds,
      hopSeconds: windowHopSeconds('timeline', m),
      scoreHopSeconds: windowHopSeconds('score', m),
      embeddingDim: m.embeddingDim,
      scoring: `cosine of L2-normalised embeddings; voiceprint = mean of normalised reference windows, suspect = mean of normalised clip windows (${m.windowSeconds} s windows tiling the speech, hop ${windowHopSeconds('score', m)} s; speech up to ${WHOLE_SPEECH_WINDOW_SECONDS} s is one window); timeline = one score per ${m.windowSeconds} s window of the clip, hop ${windowHopSeconds('timeline', m)} s`,
      normalization: ev.pairs.map((p) => ({ performerId: p.performer.id, suspectId: p.suspect.id, asNorm: p.comparison.overall.normalized !== null })),
      includeReferenceAudio: o.redaction.referenceAudio,
    },
    thresholds: {
      bands: getBands(ctx.db),
      regions: ev.pairs.map((p) => ({ performerId: p.performer.id, suspectId: p.suspect.id, score: p.comparison.regionScore, threshold: p.comparison.regionThreshold })),
    },
    calibration: m.calibration,
    errorRates: ev.errorRates,
    referenceAudioIncluded: o.redaction.referenceAudio,
    audit: {
      chainVerified: ev.chain.ok,
      totalEntries: ev.chain.count,
      headSeq: ev.chain.ok ? ev.chain.headSeq : null,
      headHash: ev.chain.ok ? ev.chain.headHash : null,
      includedEntries: ev.audit.length,
    },
    files,
  };
}

const built = (entry: ZipEntry): Built => ({ entry, digest: digestEntry(entry) });
const listed = (xs: readonly Built[]) => xs.map((x) => ({ path: x.entry.name, sha256: x.digest.sha256, size: x.digest.size }));

/** What VERIFY.txt and the report say about the trusted time. */
export function timestampPlan(tsaUrl: string | null, lang: Lang): string {
  const t = strings(lang);
  return tsaUrl ? t.timestampRequested(tsaUrl, TIMESTAMP_NAME) : t.timestampNone;
}

/** Builds every listed file of the pack (evidence, reports, VERIFY.txt, public key, SHA256SUMS). */
export async function buildPackBody(ctx: CoreContext, ev: CaseEvidence, o: BuildOptions): Promise<PackBody> {
  const data = evidenceFiles(ctx, ev, o).map(built);
  const doc = buildReport(revealBidiDeep(reportData(ctx, ev, o, listed(data)))); // bidi controls shown, never obeyed
  const reports = [
    { name: 'report.html', source: Buffer.from(renderHtml(doc), 'utf8') },
    { name: 'report.pdf', source: await renderPdf(doc, o.createdAt) },
  ].map(built);
  const extras = [
    { name: VERIFY_NAME, source: verifyText(o.key.fingerprint, `${timestampPlan(o.tsaUrl, 'ja')} / ${timestampPlan(o.tsaUrl, 'en')}`) },
    { name: PUBLIC_KEY_NAME, source: Buffer.from(o.key.publicKeyPem, 'utf8') },
  ].map(built);
  const before = [...reports, ...data, ...extras];
  const files = [...before, built({ name: SUMS_NAME, source: sha256sums(listed(before)) })];
  return { files, manifestFor: (timestamp) => manifestOf(ctx, ev, o, listed(files), timestamp) };
}

/** The manifest, its signatures and the token (if any) ahead of the listed files, in the written order. */
export function finishPack(body: PackBody, manifest: PackManifest, key: SigningKey, token: Buffer | null): BuiltPack {
  const mBytes = manifestBytes(manifest);
  const raw = rawSignature(mBytes, key);
  const head = [
    { name: MANIFEST_NAME, source: mBytes },
    { name: SIGNATURE_NAME, source: signManifest(mBytes, key, raw) },
    { name: RAW_SIGNATURE_NAME, source: raw },
    ...(token ? [{ name: TIMESTAMP_NAME, source: token }] : []),
  ].map(built);
  return { entries: [...head, ...body.files], manifest, manifestSha256: head[0]!.digest.sha256 };
}
