// Gathers what a case's evidence pack holds: each performer × suspect comparison through the real
// workbench core (every score audited), standings, spectrograms and the relevant audit entries.
import type { CoreContext } from '../../core/context.js';
import type { Comparison, Performer, Recording, Suspect } from '../../domain/index.js';
import type { CaseDetail } from '../../domain/cases.js';
import { getPlatform } from '../../letters/catalog.js';
import { registerBundledModels } from '../../models/bundled.js';
import type { ModelSummary } from '../../models/manifest.js';
import { resolveModel } from '../../models/registry.js';
import { appendAudit } from '../../store/audit.js';
import type { AuditEntry } from '../../store/audit.js';
import { contentPath } from '../../store/content.js';
import { getPerformer } from '../../store/performers.js';
import { getRecording, listRecordings } from '../../store/recordings.js';
import { getSuspect } from '../../store/suspects.js';
import { spectrogramOf } from '../../workbench/audio-views.js';
import { comparePerformerSuspect } from '../../workbench/compare.js';
import { entriesFor, walkAuditChain } from '../audit-chain.js';
import type { ChainReport } from '../audit-chain.js';
import type { SpectrogramImage } from '../report/data.js';
import { spectrogramPng } from '../report/spectrogram-png.js';
import type { Lang } from '../report/strings.js';
import { errorRatesOf } from './error-rates.js';
import type { ErrorRates } from './error-rates.js';
import { populationFromCheck, populationFromModelCard } from './population.js';
import { reportPopulationCheck } from '../../workbench/population-statement.js';
import { loadPopulation } from '../../workbench/population.js';
import type { ErrorRates as CardRates } from './error-rates.js';
import type { PopulationSection } from './population.js';
import { standingOf } from './standing.js';
import type { Standing } from './standing.js';

export interface PairData {
  performer: Performer;
  suspect: Suspect;
  comparison: Comparison;
  standing: Standing;
  suspectSpectrogram: SpectrogramImage | null;
  referenceSpectrogram: SpectrogramImage | null;
}

export interface CaseEvidence {
  case: CaseDetail;
  model: ModelSummary;
  pairs: PairData[];
  references: Recording[];
  errorRates: ErrorRates | null;
  /** The relevant-population / validation section's figures (one input object; see population.ts). */
  population: PopulationSection;
  /** The case's platform by its catalog name (null when none or unknown). */
  platformName: string | null;
  audit: AuditEntry[];
  chain: ChainReport;
}

async function spectrogramImage(ctx: CoreContext, recordingId: string): Promise<SpectrogramImage | null> {
  try {
    const rec = getRecording(ctx.db, recordingId);
    const s = await spectrogramOf(contentPath(ctx.dataDir, rec.sha256));
    return { recording: rec, png: spectrogramPng(s), width: s.frames, height: s.bins * 2, frames: s.frames, frameSeconds: s.frameSeconds };
  } catch {
    return null; // a picture is not worth failing the pack over; the report simply lacks it
  }
}

function auditScore(ctx: CoreContext, caseId: string, c: Comparison, s: Suspect): void {
  appendAudit(ctx.db, {
    actor: ctx.actor,
    action: 'comparison.score',
    objectType: 'case',
    objectId: caseId,
    details: {
      performerId: c.performer.id,
      suspectId: c.suspect.id,
      modelId: c.model.id,
      modelSha256: c.model.sha256,
      clipSha256s: s.clips.map((k) => k.sha256),
      rawCosine: c.overall.rawCosine,
      normalized: c.overall.normalized,
      llr: c.overall.llr,
      percent: c.overall.percent,
      band: c.overall.band,
      regions: c.regions.map((r) => ({ start: r.start, end: r.end })),
    },
  });
}

/** Scores every pair of the case and collects the pack's material. */
export async function collectEvidence(ctx: CoreContext, c: CaseDetail, lang: Lang, includeOtherPerformers: boolean): Promise<CaseEvidence> {
  await registerBundledModels(ctx);
  const model = resolveModel(ctx, c.modelId);
  const pairs: PairData[] = [];
  for (const p of c.performers) {
    for (const s of c.suspects) {
      const comparison = await comparePerformerSuspect(ctx, { performerId: p.id, suspectId: s.id, modelId: model.id, lang });
      const suspect = getSuspect(ctx.db, s.id);
      auditScore(ctx, c.id, comparison, suspect);
      pairs.push({
        performer: getPerformer(ctx.db, p.id),
        suspect,
        comparison,
        standing: standingOf(ctx, model, suspect, comparison, includeOtherPerformers),
        suspectSpectrogram: await spectrogramImage(ctx, comparison.suspectRecordingId),
        referenceSpectrogram: await spectrogramImage(ctx, comparison.referenceRecordingId),
      });
    }
  }
  const references = c.performers.flatMap((p) => listRecordings(ctx.db, 'reference', p.id));
  const ids = new Set<string>([c.id, model.id, ...c.performers.map((p) => p.id), ...c.suspects.map((s) => s.id)]);
  for (const r of references) ids.add(r.id);
  for (const p of pairs) for (const k of p.suspect.clips) ids.add(k.id);
  // Error rates at % thresholds only mean something when the scores are calibrated %.
  const calibrated = pairs.some((p) => p.comparison.model.calibrated);
  const errorRates = calibrated ? errorRatesOf(model) : null;
  return { case: c, model, pairs, references, errorRates, platformName: platformNameOf(ctx, c.platform), population: reportPopulation(ctx, model, errorRates), audit: entriesFor(ctx.db, ids), chain: walkAuditChain(ctx.db) };
}

function platformNameOf(ctx: CoreContext, id: string | null): string | null {
  if (!id) return null;
  try {
    return getPlatform(ctx, id).name;
  } catch {
    return id; // free text typed by the user, not a catalog id
  }
}

/** The report's population section: this installation's check when it can speak, else the model card. */
function reportPopulation(ctx: CoreContext, model: ModelSummary, rates: CardRates | null): PopulationSection {
  const check = reportPopulationCheck(ctx, model);
  return check ? populationFromCheck(check, loadPopulation(ctx, model).languages) : populationFromModelCard(model, rates);
}
