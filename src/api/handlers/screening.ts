import { jobsOf } from '../../jobs/registry.js';
import { revealBidiDeep } from '../../core/bidi.js';
import { registerBundledModels } from '../../models/bundled.js';
import { resolveModel } from '../../models/registry.js';
import { getRun, latestRun } from '../../store/screening.js';
import { getBands } from '../../store/settings.js';
import { comparePerformerSuspect } from '../../workbench/compare.js';
import { distributionOfScore } from '../../workbench/score-distribution.js';
import { planScreening, runScreening } from '../../workbench/screening.js';
import { screeningCsv } from '../../workbench/screening-csv.js';
import type { HandlerGroup } from './types.js';

type ScreeningOps = 'screening.start' | 'screening.current' | 'screening.latest' | 'screening.csv' | 'jobs.status' | 'jobs.cancel' | 'compare.get' | 'compare.distribution';

/** Screening runs (as background jobs), their results and the comparison view. */
export const screeningHandlers: HandlerGroup<ScreeningOps> = {
  'screening.start': async (ctx, input) => {
    const jobs = jobsOf(ctx);
    // One screening at a time: asking again while one runs returns that one.
    const running = jobs.running('screening');
    if (running) return running;
    const plan = await planScreening(ctx, input.modelId);
    return jobs.start('screening', (job) => runScreening(ctx, plan, job));
  },

  'screening.current': (ctx) => jobsOf(ctx).latest('screening'),

  'screening.latest': async (ctx, input) => {
    await registerBundledModels(ctx);
    return latestRun(ctx.db, resolveModel(ctx, input.modelId).sha256);
  },

  'screening.csv': (ctx, input) => screeningCsv(revealBidiDeep(getRun(ctx.db, input.runId)), input.lang, getBands(ctx.db)),

  'jobs.status': (ctx, input) => jobsOf(ctx).status(input.id),

  'jobs.cancel': (ctx, input) => jobsOf(ctx).cancel(input.id),

  'compare.get': (ctx, input) => comparePerformerSuspect(ctx, input),

  'compare.distribution': (ctx, input) => distributionOfScore(ctx, input),
};
