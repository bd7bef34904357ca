// Lays out a pack: the evidence files, then the report (which lists their hashes), then manifest.json
// over all of them and signature.json over the manifest's exact bytes.
import { escapeBidiJson, revealBidi, revealBidiDeep } from '../../core/bidi.js';
import type { CoreContext } from '../../core/context.js';
import { contentPath } from '../../store/content.js';
import { getBands } from '../../store/settings.js';
import type { SigningKey } from '../signing-key.js';
import { signManifest } from '../signature.js';
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
import { scoresCsv, standingCsv, timelineCsv } from './csv.js';
import { MANIFEST_NAME, PACK_FORMAT, PACK_FORMAT_VERSION, SIGNATURE_NAME, manifestBytes } from './manifest.js';
import type { PackManifest } from './manifest.js';

export interface BuildOptions {
  lang: Lang;
  includeReferenceAudio: boolean;
  createdAt: Date;
  key: SigningKey;
}

export interface BuiltPack {
  entries: { entry: ZipEntry; digest: Digest }[];
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
  const out: ZipEntry[] = [{ name: 'case.json', source: json({ case: ev.case, performers: ev.pairs.map((p) => p.performer), suspects: ev.pairs.map((p) => p.suspect) }) }];
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
    out.push({ name: `scores/standing-${stem}.csv`, source: standingCsv(revealBidiDeep(p.standing)) });
    out.push({ name: `plots/timeline-${stem}.svg`, source: Buffer.from(timelineSvg(revealBidiDeep(p.comparison), t)) });
    out.push({ name: `plots/standing-${stem}.svg`, source: Buffer.from(standingSvg(p.standing, revealBidi(p.performer.name), t)) });
    for (const img of [p.suspectSpectrogram, p.referenceSpectrogram]) {
      if (img && !out.some((e) => e.name === `plots/spectrogram-${img.recording.id}.png`)) out.push({ name: `plots/spectrogram-${img.recording.id}.png`, source: img.png });
    }
  }
  out.push({ name: 'references/references.json', source: json({ audioIncluded: o.includeReferenceAudio, references: ev.references }) });
  if (o.includeReferenceAudio) {
    for (const r of ev.references) out.push({ name: `references/audio/${r.ownerId}/${r.id}-${safeSegment(r.originalName)}`, source: { file: contentPath(ctx.dataDir, r.sha256) } });
  }
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
    files,
    audit: { included: ev.audit.length, total: ev.chain.count, chainVerified: ev.chain.ok },
    referenceAudioIncluded: o.includeReferenceAudio,
  };
}

function manifestOf(ctx: CoreContext, ev: CaseEvidence, o: BuildOptions, files: PackManifest['files']): PackManifest {
  const m = ev.model;
  const first = ev.pairs[0]?.comparison;
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    createdAt: o.createdAt.toISOString(),
    createdBy: ctx.actor,
    software: { name: 'Seimon', version: ctx.version, node: process.version, platform: `${process.platform}-${process.arch}` },
    language: o.lang,
    case: { id: ev.case.id, title: ev.case.title, status: ev.case.status, platform: ev.case.platform, legalGrounds: ev.case.legalGrounds },
    signingKey: { algorithm: 'Ed25519', fingerprint: o.key.fingerprint, publicKey: o.key.publicKeyRaw.toString('base64') },
    model: { id: m.id, sha256: m.sha256, sizeBytes: m.sizeBytes, calibrated: first?.model.calibrated ?? false, manifest: { ...m } },
    parameters: {
      preset: m.preset,
      sampleRate: m.sampleRate,
      windowSeconds: m.windowSeconds,
      hopSeconds: m.hopSeconds,
      embeddingDim: m.embeddingDim,
      scoring: 'cosine of L2-normalised embeddings; voiceprint = mean of normalised reference windows; suspect = mean of normalised clip windows',
      normalization: ev.pairs.map((p) => ({ performerId: p.performer.id, suspectId: p.suspect.id, asNorm: p.comparison.overall.normalized !== null })),
      includeReferenceAudio: o.includeReferenceAudio,
    },
    thresholds: {
      bands: getBands(ctx.db),
      regions: ev.pairs.map((p) => ({ performerId: p.performer.id, suspectId: p.suspect.id, score: p.comparison.regionScore, threshold: p.comparison.regionThreshold })),
    },
    calibration: m.calibration,
    errorRates: ev.errorRates,
    referenceAudioIncluded: o.includeReferenceAudio,
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

/** Builds every entry of the pack with its digest, the manifest and the signature. */
export async function buildPack(ctx: CoreContext, ev: CaseEvidence, o: BuildOptions): Promise<BuiltPack> {
  const data = evidenceFiles(ctx, ev, o).map((entry) => ({ entry, digest: digestEntry(entry) }));
  const listed = (xs: typeof data) => xs.map((x) => ({ path: x.entry.name, sha256: x.digest.sha256, size: x.digest.size }));
  const doc = buildReport(revealBidiDeep(reportData(ctx, ev, o, listed(data)))); // bidi controls shown, never obeyed
  const reports = [
    { name: 'report.html', source: Buffer.from(renderHtml(doc), 'utf8') },
    { name: 'report.pdf', source: await renderPdf(doc, o.createdAt) },
  ].map((entry) => ({ entry, digest: digestEntry(entry) }));
  const all = [...reports, ...data];
  const manifest = manifestOf(ctx, ev, o, listed(all));
  const mBytes = manifestBytes(manifest);
  const head = [
    { name: MANIFEST_NAME, source: mBytes },
    { name: SIGNATURE_NAME, source: signManifest(mBytes, o.key) },
  ].map((entry) => ({ entry, digest: digestEntry(entry) }));
  return { entries: [...head, ...all], manifest, manifestSha256: head[0]!.digest.sha256 };
}
