// What the evidence report and letters may say about a score: its population figures, and whether its
// verdict band may be stated at all. A band the current population check contradicts is never stated:
// scores recorded earlier (screening runs, audited comparisons) are re-read against today's check.
import type { CoreContext } from '../core/context.js';
import type { PopulationCheck, PopulationFigures } from '../domain/index.js';
import type { ModelSummary } from '../models/manifest.js';
import { POPULATION_MIN_PERFORMERS, WITHHELD_BAND } from '../domain/index.js';
import { findModel } from '../store/models.js';
import type { Lang } from './caveats.js';
import { currentPopulationCheck, figuresOf, loadPopulation } from './population.js';
import { populationNotes, propositionsText } from './population-text.js';

/** A recorded score as a report or letter cites it. */
export interface RecordedScore {
  modelSha256: string | null;
  percent: number | null;
  band: string;
}

/** The population figures of a model in this data folder now (null when the model is not installed). */
export function populationFiguresFor(ctx: CoreContext, modelSha256: string | null): PopulationFigures | null {
  const model = modelSha256 ? findModel(ctx.db, modelSha256) : undefined;
  if (!model) return null;
  const pop = loadPopulation(ctx, model);
  return figuresOf(currentPopulationCheck(ctx, model, pop), model, pop.languages);
}

/**
 * The score as it may be stated: % and band kept only when the population check vouches for them
 * (an uncalibrated score has neither anyway). Adds the figures for the sentences that go with it.
 */
export function vouchedScore<T extends RecordedScore>(ctx: CoreContext, s: T, cache = new Map<string, PopulationFigures | null>()): T & { population: PopulationFigures | null } {
  const key = s.modelSha256 ?? '';
  if (!cache.has(key)) cache.set(key, populationFiguresFor(ctx, s.modelSha256));
  const population = cache.get(key) ?? null;
  if (s.percent === null) return { ...s, population };
  // No figures (model gone) or a withheld check: the band cannot be vouched for.
  if (!population || population.withheld) return { ...s, percent: null, band: WITHHELD_BAND, population };
  return { ...s, population };
}

/** The sentences a report or letter prints with a score: propositions, measured rates or why withheld, language. */
export function scoreStatement(population: PopulationFigures | null, band: string, lang: Lang): string[] {
  if (!population) {
    return [lang === 'ja' ? 'このモデルは登録済み実演家で検証されていないため、判定の帯域は記載しません。' : 'The model is not validated on the enrolled performers, so no verdict band is stated.'];
  }
  return [propositionsText(population.performers, lang), ...populationNotes(population, band, lang)];
}

/**
 * The population check a report's "relevant population" section should print instead of the model card:
 * when it has enough performers to speak, or when it contradicts the card (overstating). Else null (the
 * card's figures are printed, labelled as such, and every score's band is withheld).
 */
export function reportPopulationCheck(ctx: CoreContext, model: ModelSummary): PopulationCheck | null {
  const pop = loadPopulation(ctx, model);
  const check = currentPopulationCheck(ctx, model, pop);
  if (check.nonTargetTrials === 0 || check.bands.length === 0) return null;
  return check.performers >= POPULATION_MIN_PERFORMERS || check.withheld === 'overstating' ? check : null;
}
