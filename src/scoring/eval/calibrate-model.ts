// `seimon calibrate`: fit score -> LLR on a user's labelled trials and store it with the model, with an
// audit entry, so every later score of that model can say which trials its LLR rests on.
import type { CoreContext } from '../../core/context.js';
import { sha256File } from '../../models/hash.js';
import { appendAudit } from '../../store/audit.js';
import { updateModelCalibration } from '../../store/models.js';
import { applyCalibration, fitCalibration } from '../calibration.js';
import type { Calibration } from '../calibration.js';
import { cllr, minCllr, sortTrials } from '../metrics.js';
import { bandErrorRates } from '../band-rates.js';
import type { TrialScoresRun } from '../evaluate.js';
import { sortScored } from './trial-metrics.js';

export interface CalibrationOutcome {
  readonly model: { readonly id: string; readonly sha256: string };
  readonly calibration: Calibration;
  readonly nTarget: number;
  readonly nNonTarget: number;
  /** Cllr (bits) of the calibration stored before, on these trials; null when there was none. */
  readonly cllrBefore: number | null;
  /** Cllr (bits) of the new calibration on the very trials it was fitted on (in-sample, optimistic). */
  readonly cllrAfter: number;
  readonly minCllr: number;
  readonly trialFileSha256: string;
}

/** Fits a raw-cosine calibration on a scored run, stores it with the model and audits the change. */
export async function calibrateFromRun(
  ctx: CoreContext,
  run: TrialScoresRun,
  now: () => Date = () => new Date(),
): Promise<CalibrationOutcome> {
  const sorted = sortScored(run.scored, run.skipped.length);
  const cal = fitCalibration(sorted.raw.targets, sorted.raw.nonTargets, { scoreKind: 'raw-cosine', now });
  const toLlr = (xs: Float64Array) => xs.map((x) => applyCalibration(cal, x));
  const cllrAfter = cllr(sortTrials(toLlr(sorted.raw.targets), toLlr(sorted.raw.nonTargets)));
  const trialFileSha256 = await sha256File(run.trialFile);
  const outcome: CalibrationOutcome = {
    model: { id: run.model.id, sha256: run.model.sha256 },
    calibration: cal,
    nTarget: cal.nTarget,
    nNonTarget: cal.nNonTarget,
    cllrBefore: sorted.llr ? cllr(sorted.llr) : null,
    cllrAfter,
    minCllr: minCllr(sorted.raw),
    trialFileSha256,
  };
  ctx.db.transaction(() => {
    const llrTrials = sortTrials(toLlr(sorted.raw.targets), toLlr(sorted.raw.nonTargets));
    const bandRates = bandErrorRates(llrTrials).filter((b) => b.minPercent > 0).map((b) => ({ key: b.key, minPercent: b.minPercent, falseMatchRate: b.falseMatchRate, missRate: b.missRate }));
    updateModelCalibration(ctx.db, run.model.id, {
      ...cal,
      source: 'user-trials',
      trialFileSha256,
      bandRates,
      bandRatesBasis: `in-sample: the ${cal.nTarget} same-speaker and ${cal.nNonTarget} different-speaker trials the calibration was fitted on`,
    });
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'model.calibrate',
      objectType: 'model',
      objectId: run.model.id,
      details: {
        sha256: run.model.sha256,
        nTarget: cal.nTarget,
        nNonTarget: cal.nNonTarget,
        a: cal.a,
        b: cal.b,
        prior: cal.prior,
        scoreKind: cal.scoreKind,
        cllrBefore: outcome.cllrBefore,
        cllrAfterInSample: cllrAfter,
        minCllr: outcome.minCllr,
        trialFileSha256,
        skippedLines: run.skipped.length,
        previous: run.model.calibration,
      },
    });
  })();
  return outcome;
}
