// The relevant population of a data folder under one model: the enrolled performers (fresh voiceprints
// and their references' embeddings), the scoring set up on them (cohort rule, calibration, bands), and
// the population check that decides whether bands may be stated. Every place that shows a score gets
// its ScoringSetup and PopulationFigures from here.
import { createHash } from 'node:crypto';
import type { CoreContext } from '../core/context.js';
import type { PopulationCheck, PopulationFigures, WithheldReason } from '../domain/index.js';
import type { ModelSummary } from '../models/manifest.js';
import { parseCalibration } from '../scoring/calibration.js';
import type { Calibration } from '../scoring/calibration.js';
import { APP_COHORT_RULE, buildScoringCohort } from '../scoring/cohort-rule.js';
import { checkPopulation } from '../scoring/population-check.js';
import type { PopulationPerformer, StatedRates } from '../scoring/population-check.js';
import type { ScoringSetup } from '../scoring/scorer.js';
import type { VerdictBand } from '../scoring/verdict.js';
import { findEmbeddingFor } from '../store/embeddings.js';
import { listPerformers } from '../store/performers.js';
import { findPopulationCheck, savePopulationCheck } from '../store/population.js';
import { listRecordings } from '../store/recordings.js';
import { getBands } from '../store/settings.js';
import { listModelVoiceprints, referencesKeyOf } from '../store/voiceprints.js';
import { bundledCohort } from './cohort.js';
import { languageMismatch } from './languages.js';

/** Bump when the cohort rule or the check changes, so stored checks are recomputed. */
const CHECK_VERSION = 'population-check/1';

export interface Population {
  /** Fresh voiceprints under the model (the cohort), by performer. */
  voiceprints: { performerId: string; vector: Float32Array }[];
  /** Performers and their references' window embeddings (read from the store on first use). */
  readonly performers: PopulationPerformer[];
  /** Digest of everything the check depends on. */
  key: string;
  languages: string[];
}

/** The model's stored calibration, or undefined (read as uncalibrated). */
export function modelCalibration(model: ModelSummary): Calibration | undefined {
  if (model.calibration == null) return undefined;
  try {
    return parseCalibration(model.calibration);
  } catch {
    return undefined;
  }
}

/** The false-match rates the model card states at each band (calibration.bandRates). */
export function statedRates(model: ModelSummary): StatedRates {
  const rates = model.calibration?.bandRates;
  const out = new Map<string, number>();
  if (Array.isArray(rates))
    for (const r of rates as { key?: unknown; falseMatchRate?: unknown }[])
      if (typeof r.key === 'string' && typeof r.falseMatchRate === 'number' && Number.isFinite(r.falseMatchRate)) out.set(r.key, r.falseMatchRate);
  return out;
}

/** The enrolled population under a model: performers with a voiceprint built on their current references. */
export function loadPopulation(ctx: CoreContext, model: ModelSummary, bands: readonly VerdictBand[] = getBands(ctx.db)): Population {
  const languageOf = new Map(listPerformers(ctx.db).map((p) => [p.id, p.language]));
  const fresh = listModelVoiceprints(ctx.db, model.sha256).filter((v) => languageOf.has(v.performerId) && v.referencesKey === referencesKeyOf(ctx.db, v.performerId));
  const voiceprints: Population['voiceprints'] = fresh.map((v) => ({ performerId: v.performerId, vector: v.vector }));
  const keyParts = fresh.map((v) => `${v.performerId}:${v.referencesKey}:${v.builtAt}`);
  const cal = model.calibration ? JSON.stringify([model.calibration.a, model.calibration.b, model.calibration.fittedAt]) : 'none';
  const key = createHash('sha256').update([CHECK_VERSION, model.sha256, cal, JSON.stringify(bands.map((b) => [b.key, b.minPercent])), ...keyParts.sort()].join('\n')).digest('hex');
  const languages = [...new Set(fresh.map((v) => languageOf.get(v.performerId) ?? 'ja'))];
  // The references' window embeddings are read only when a check needs them (scoring needs the voiceprints alone).
  let performers: PopulationPerformer[] | undefined;
  return {
    voiceprints,
    key,
    languages,
    get performers() {
      performers ??= fresh.flatMap((v) => {
        const refs = listRecordings(ctx.db, 'reference', v.performerId)
          .map((r) => findEmbeddingFor(ctx.db, r.sha256, model, 'score'))
          .filter((e) => e !== undefined && e.windows.length > 0)
          .map((e) => e!.windows.map((w) => w.embedding));
        return refs.length > 0 ? [{ id: v.performerId, references: refs }] : [];
      });
      return performers;
    },
  };
}

/** Each population performer's voiceprint, in the order of `pop.performers`. */
export function voiceprintsOf(pop: Population): Float32Array[] {
  const byId = new Map(pop.voiceprints.map((v) => [v.performerId, v.vector]));
  return pop.performers.map((p) => byId.get(p.id) as Float32Array);
}

/** The scoring of this population before the check has spoken (the check itself runs on it). */
export function baseSetup(model: ModelSummary, pop: Pick<Population, 'voiceprints'>, bands: readonly VerdictBand[]): ScoringSetup & { shippedRows: number; performerRows: number } {
  const cohort = buildScoringCohort(pop.voiceprints, bundledCohort(model), APP_COHORT_RULE);
  const cal = modelCalibration(model);
  return { cohort, calibration: cal, bands, withheld: null, shippedRows: cohort?.shippedRows ?? 0, performerRows: cohort?.performerRows ?? 0 };
}

/** Runs the population check now and stores it. */
export function computePopulationCheck(ctx: CoreContext, model: ModelSummary, onProgress?: (done: number, total: number) => void, pop = loadPopulation(ctx, model)): PopulationCheck {
  const bands = getBands(ctx.db);
  const setup = baseSetup(model, pop, bands);
  const r = checkPopulation(pop.performers, voiceprintsOf(pop), setup, statedRates(model), onProgress);
  const check: PopulationCheck = {
    ...r,
    modelId: model.id,
    modelSha256: model.sha256,
    enrolmentKey: pop.key,
    computedAt: new Date().toISOString(),
    cohort: { performers: setup.performerRows, shippedRows: setup.shippedRows, topN: setup.cohort?.topN ?? 0 },
  };
  savePopulationCheck(ctx.db, check);
  return check;
}

/** The check for the current enrolment: stored when up to date, else computed now (it takes seconds at most). */
export function currentPopulationCheck(ctx: CoreContext, model: ModelSummary, pop = loadPopulation(ctx, model)): PopulationCheck {
  return findPopulationCheck(ctx.db, model.sha256, pop.key) ?? computePopulationCheck(ctx, model, undefined, pop);
}

/** What every shown score carries about its population. */
export function figuresOf(check: PopulationCheck | undefined, model: ModelSummary, languages: readonly string[]): PopulationFigures {
  return {
    performers: check?.performers ?? 0,
    nonTargetTrials: check?.nonTargetTrials ?? 0,
    targetTrials: check?.targetTrials ?? 0,
    withheld: check ? check.withheld : 'not-checked',
    bands: check?.bands ?? [],
    languageMismatch: languageMismatch(languages, model.language),
    computedAt: check?.computedAt ?? null,
  };
}

/** The scoring every workflow uses for this model and data folder, with its population figures. */
export function scoringFor(ctx: CoreContext, model: ModelSummary): { setup: ScoringSetup; figures: PopulationFigures; population: Population } {
  const bands = getBands(ctx.db);
  const population = loadPopulation(ctx, model, bands);
  const check = currentPopulationCheck(ctx, model, population);
  const base = baseSetup(model, population, bands);
  const withheld: WithheldReason | null = base.calibration ? check.withheld : null;
  return { setup: { cohort: base.cohort, calibration: base.calibration, bands, withheld }, figures: figuresOf(check, model, population.languages), population };
}

/** Starts the population check as a background job when enrolment changed (one at a time). */
export function refreshPopulationInBackground(ctx: CoreContext, model: ModelSummary, jobs: { running(kind: 'population-check'): unknown; start(kind: 'population-check', body: (job: { progress(done: number, total: number): void }) => Promise<string | null>): unknown }): void {
  if (jobs.running('population-check')) return;
  const pop = loadPopulation(ctx, model);
  if (findPopulationCheck(ctx.db, model.sha256, pop.key)) return;
  jobs.start('population-check', async (job) => computePopulationCheck(ctx, model, (d, t) => job.progress(d, t), loadPopulation(ctx, model)).enrolmentKey);
}
