// Recalibration on the relevant population, with consent: fit score -> LLR on the population check's
// trials (prior-weighted logistic regression, as for every calibration), keep the calibration it
// replaces, and audit who did it on which enrolment state. Same-session targets flatter the fit.
import type { CoreContext } from '../core/context.js';
import { SeimonError } from '../core/errors.js';
import type { PopulationCalibration } from '../domain/index.js';
import { POPULATION_MIN_MULTI_REFERENCE, POPULATION_MIN_PERFORMERS } from '../domain/index.js';
import { registerBundledModels } from '../models/bundled.js';
import { resolveModel } from '../models/registry.js';
import { fitCalibration } from '../scoring/calibration.js';
import { populationTrials } from '../scoring/population-check.js';
import { appendAudit } from '../store/audit.js';
import { updateModelCalibration } from '../store/models.js';
import { keepCalibration } from '../store/population.js';
import { getBands } from '../store/settings.js';
import { baseSetup, computePopulationCheck, currentPopulationCheck, loadPopulation, voiceprintsOf } from './population.js';

/** Fits and stores the population calibration of a model; refuses without consent or with too few performers. */
export async function calibrateOnPopulation(ctx: CoreContext, input: { modelId?: string | null | undefined; consent: boolean }): Promise<PopulationCalibration> {
  if (!input.consent) throw new SeimonError('INVALID_INPUT', 'Recalibrating changes every score of this model: confirm it first');
  await registerBundledModels(ctx);
  const model = resolveModel(ctx, input.modelId);
  const bands = getBands(ctx.db);
  const pop = loadPopulation(ctx, model, bands);
  const multi = pop.performers.filter((p) => p.references.length >= 2).length;
  if (pop.performers.length < POPULATION_MIN_PERFORMERS || multi < POPULATION_MIN_MULTI_REFERENCE) {
    throw new SeimonError(
      'SCORING_POPULATION_TOO_SMALL',
      `Recalibration needs at least ${POPULATION_MIN_PERFORMERS} enrolled performers, ${POPULATION_MIN_MULTI_REFERENCE} of them with two or more references; there are ${pop.performers.length} (${multi}).`,
      { performers: pop.performers.length, multiReference: multi },
    );
  }
  const before = currentPopulationCheck(ctx, model, pop);
  const setup = baseSetup(model, pop, bands);
  const vps = voiceprintsOf(pop);
  const trials = populationTrials(pop.performers, vps, { ...setup, calibration: undefined });
  const cal = fitCalibration(trials.targets, trials.nonTargets, { scoreKind: setup.cohort ? 'as-norm' : 'raw-cosine' });
  const previous = model.calibration;
  const warnings = [
    'In-sample: the rates after recalibration are measured on the trials the calibration was fitted on, so they are optimistic.',
    ...(trials.sameSession > 0 ? [`${trials.sameSession} of ${trials.targets.length} same-performer trials compare two halves of one recording (same session): they flatter the fit; add a second reference for those performers.`] : []),
  ];
  const updated = ctx.db.transaction(() => {
    if (previous) keepCalibration(ctx.db, model.sha256, previous);
    const m = updateModelCalibration(ctx.db, model.id, {
      ...cal,
      source: 'population',
      enrolmentKey: pop.key,
      performers: pop.performers.length,
      sameSessionTargets: trials.sameSession,
      bandRates: null,
      bandRatesBasis: null,
    });
    return m;
  })();
  // The check after, with the new calibration; its rates become the stated ones (in-sample, said so).
  const after = computePopulationCheck(ctx, updated, undefined, loadPopulation(ctx, updated, bands));
  const bandRates = after.bands.filter((b) => b.minPercent > 0).map((b) => ({ key: b.key, minPercent: b.minPercent, falseMatchRate: b.falseMatchRate, missRate: b.missRate }));
  const stored = {
    ...updated.calibration,
    bandRates,
    bandRatesBasis: `in-sample: the population check's ${after.targetTrials} same-performer (${trials.sameSession} same-session) and ${after.nonTargetTrials} different-performer trials on ${after.performers} enrolled performers, which the calibration was fitted on`,
  };
  let checked = after;
  ctx.db.transaction(() => {
    const final = updateModelCalibration(ctx.db, model.id, stored);
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'model.calibrate.population',
      objectType: 'model',
      objectId: model.id,
      details: {
        sha256: model.sha256,
        enrolmentKey: pop.key,
        performers: pop.performers.length,
        nTarget: cal.nTarget,
        nNonTarget: cal.nNonTarget,
        sameSessionTargets: trials.sameSession,
        a: cal.a,
        b: cal.b,
        scoreKind: cal.scoreKind,
        before: { withheld: before.withheld, eer: before.eer, cllr: before.cllr, bands: before.bands },
        after: { withheld: after.withheld, eer: after.eer, cllr: after.cllr, bands: after.bands },
        previous,
      },
    });
    // Recompute the stored check against the final stated rates.
    checked = computePopulationCheck(ctx, final, undefined, loadPopulation(ctx, final, bands));
  })();
  return { modelId: model.id, modelSha256: model.sha256, enrolmentKey: pop.key, calibration: stored, before, after: checked, sameSessionTargets: trials.sameSession, warnings };
}
