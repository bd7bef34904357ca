// The population check's same- and different-speaker trials as distributions, with one comparison's
// score placed among them. Drawn in normalised-score units (AS-norm, or raw cosine without a cohort):
// they exist even when the band is withheld, and the calibrated LLR is a monotone map of them, so the
// shares read off the picture are the same in either unit.
import type { CoreContext } from '../core/context.js';
import type { ScoreDistribution } from '../domain/index.js';
import { registerBundledModels } from '../models/bundled.js';
import { resolveModel } from '../models/registry.js';
import { populationTrials } from '../scoring/population-check.js';
import { scoreDistribution } from '../scoring/score-histogram.js';
import { getBands } from '../store/settings.js';
import { baseSetup, loadPopulation, voiceprintsOf } from './population.js';

/** Null when the enrolled performers give no different-speaker trial (fewer than two with a voiceprint). */
export async function distributionOfScore(ctx: CoreContext, input: { modelId?: string | null | undefined; score: number }): Promise<ScoreDistribution | null> {
  await registerBundledModels(ctx);
  const model = resolveModel(ctx, input.modelId);
  const bands = getBands(ctx.db);
  const pop = loadPopulation(ctx, model, bands);
  if (pop.performers.length < 2) return null;
  const setup = { ...baseSetup(model, pop, bands), calibration: undefined };
  const trials = populationTrials(pop.performers, voiceprintsOf(pop), setup);
  if (trials.nonTargets.length === 0) return null;
  return scoreDistribution(trials.targets, trials.nonTargets, input.score, 'score');
}
