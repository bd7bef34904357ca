import type { EvaluationReport } from '../../domain/index.js';
import { SeimonError } from '../../core/errors.js';
import { jobsOf, yieldToEventLoop } from '../../jobs/registry.js';
import { registerBundledModels } from '../../models/bundled.js';
import { resolveModel } from '../../models/registry.js';
import { findPopulationCheck, latestPopulationCheck } from '../../store/population.js';
import { compareFiles, embedOneFile } from '../../workbench/compare-files.js';
import { runEvaluation } from '../../workbench/evaluation.js';
import { calibrateOnPopulation } from '../../workbench/population-calibrate.js';
import { computePopulationCheck, figuresOf, loadPopulation } from '../../workbench/population.js';
import type { HandlerGroup } from './types.js';

type PopulationOps = 'population.get' | 'population.check' | 'population.calibrate' | 'embed.file' | 'compare.files' | 'eval.start' | 'eval.result';

/** Finished evaluations by job id, per core (the CLI fetches each once). */
const evaluations = new WeakMap<object, Map<string, EvaluationReport>>();
const evaluationsOf = (db: object) => {
  let m = evaluations.get(db);
  if (!m) evaluations.set(db, (m = new Map()));
  return m;
};

/** The population check (as a background job), recalibration on it, and the CLI's scoring tools. */
export const populationHandlers: HandlerGroup<PopulationOps> = {
  'population.get': async (ctx, input) => {
    await registerBundledModels(ctx);
    const model = resolveModel(ctx, input.modelId);
    const pop = loadPopulation(ctx, model);
    const current = findPopulationCheck(ctx.db, model.sha256, pop.key);
    const check = current ?? latestPopulationCheck(ctx.db, model.sha256) ?? null;
    return { check, upToDate: current !== undefined, figures: figuresOf(current, model, pop.languages), running: jobsOf(ctx).running('population-check') ?? null };
  },

  'population.check': async (ctx, input) => {
    await registerBundledModels(ctx);
    const model = resolveModel(ctx, input.modelId);
    const jobs = jobsOf(ctx);
    const running = jobs.running('population-check');
    if (running) return running;
    return jobs.start('population-check', async (job) => {
      await yieldToEventLoop();
      const check = computePopulationCheck(ctx, model, (done, total) => job.progress(done, total));
      return check.enrolmentKey;
    });
  },

  'population.calibrate': (ctx, input) => calibrateOnPopulation(ctx, input),

  'embed.file': (ctx, input) => embedOneFile(ctx, input),

  'compare.files': (ctx, input) => compareFiles(ctx, input),

  'eval.start': (ctx, input) => {
    const results = evaluationsOf(ctx.db);
    let id = '';
    const status = jobsOf(ctx).start('evaluation', async (job) => {
      results.set(id, await runEvaluation(ctx, input, job));
      return id;
    });
    id = status.id;
    return status;
  },

  'eval.result': (ctx, input) => {
    const results = evaluationsOf(ctx.db);
    const r = results.get(input.jobId);
    if (!r) throw new SeimonError('NOT_FOUND', `No finished evaluation for job ${input.jobId}`);
    results.delete(input.jobId);
    return r;
  },
};
