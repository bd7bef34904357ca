// Screening: every suspect against every performer under one model. Voiceprints are (re)built when
// missing or stale and clips embedded through the cache, so a resumed run skips finished work.
import type { CoreContext } from '../core/context.js';
import type { Performer, ScreeningMatch, ScreeningRun, Suspect } from '../domain/index.js';
import { SeimonError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { openEmbedder } from '../embedding/open.js';
import type { JobControl } from '../jobs/registry.js';
import { throwIfCancelled, yieldToEventLoop } from '../jobs/registry.js';
import { registerBundledModels } from '../models/bundled.js';
import type { ModelSummary } from '../models/manifest.js';
import { resolveModel } from '../models/registry.js';
import { applicableCalibration, makeScorer } from '../scoring/scorer.js';
import type { ScoringSetup } from '../scoring/scorer.js';
import { appendAudit } from '../store/audit.js';
import { listPerformers } from '../store/performers.js';
import { listRecordings } from '../store/recordings.js';
import { insertRun } from '../store/screening.js';
import { listSuspects } from '../store/suspects.js';
import { ensureVoiceprint } from './enroll.js';
import { itemProblem } from './problems.js';
import { scoringFor } from './population.js';
import { modelRef, rankKey } from './readings.js';
import { embedSuspect } from './suspect-embedding.js';

/** Below this many pairs every pair is stored; above it, the top matches per suspect, performer and overall. */
const STORE_ALL_PAIRS = 20_000;

export interface ScreeningPlan {
  model: ModelSummary;
  performers: Performer[];
  suspects: Suspect[];
  skipped: ScreeningRun['skipped'];
}

/** Resolves the model and what there is to screen; NOTHING_TO_SCREEN when one side is empty. */
export async function planScreening(ctx: CoreContext, modelId?: string | null): Promise<ScreeningPlan> {
  await registerBundledModels(ctx);
  const model = resolveModel(ctx, modelId);
  const skipped: ScreeningRun['skipped'] = [];
  const performers = listPerformers(ctx.db).filter((p) => p.referenceCount > 0 || void skipped.push({ id: p.id, reason: 'NO_REFERENCES' }));
  const suspects = listSuspects(ctx.db).filter((s) => s.clips.length > 0 || void skipped.push({ id: s.id, reason: 'NO_CLIPS' }));
  if (performers.length === 0 || suspects.length === 0) {
    throw new SeimonError(
      'NOTHING_TO_SCREEN',
      performers.length === 0 ? 'No performer has reference recordings yet.' : 'No suspect has clips yet.',
    );
  }
  return { model, performers, suspects, skipped };
}

/** Runs a planned screening as a job; resolves to the id of the stored run. */
export async function runScreening(ctx: CoreContext, plan: ScreeningPlan, job: JobControl): Promise<string> {
  const startedAt = new Date().toISOString();
  const skipped = [...plan.skipped];
  // Progress counts recordings, not people: one performer with many references is many steps.
  job.setTotal(plan.performers.reduce((n, p) => n + p.referenceCount, 0) + plan.suspects.reduce((n, s) => n + s.clips.length, 0));
  const { embedder } = await openEmbedder(ctx, plan.model.id);
  const voiceprints: { performerId: string; vector: Float32Array }[] = [];
  const suspectVectors: { id: string; embedding: Float32Array }[] = [];
  try {
    for (const p of plan.performers) {
      throwIfCancelled(job.signal);
      const step = stepper(job, p.referenceCount);
      try {
        const r = await ensureVoiceprint(ctx, embedder, p.id, job.signal, step.one);
        voiceprints.push({ performerId: p.id, vector: r.voiceprint.vector });
        for (const x of r.problems) job.problem(x.item, x.code, x.message);
      } catch (e) {
        const x = itemProblem(p.id, e);
        job.problem(x.item, x.code, x.message);
        skipped.push({ id: p.id, reason: x.code });
      }
      step.rest();
      await yieldToEventLoop();
    }
    for (const s of plan.suspects) {
      throwIfCancelled(job.signal);
      const step = stepper(job, s.clips.length);
      try {
        const r = await embedSuspect(ctx, embedder, s, job.signal, step.one);
        suspectVectors.push({ id: s.id, embedding: r.vector });
        for (const x of r.problems) job.problem(x.item, x.code, x.message);
      } catch (e) {
        const x = itemProblem(s.id, e);
        job.problem(x.item, x.code, x.message);
        skipped.push({ id: s.id, reason: x.code });
      }
      step.rest();
      await yieldToEventLoop();
    }
  } finally {
    await embedder.close();
  }
  throwIfCancelled(job.signal);
  const { setup, figures } = scoringFor(ctx, plan.model);
  const matches = scoreAll(setup, voiceprints, suspectVectors);
  const run: ScreeningRun = {
    id: newId('run'),
    model: modelRef(plan.model, applicableCalibration(setup)),
    population: figures,
    startedAt,
    finishedAt: new Date().toISOString(),
    performers: plan.performers.filter((p) => voiceprints.some((v) => v.performerId === p.id)).map((p) => ({ id: p.id, name: p.name })),
    suspects: plan.suspects.filter((s) => suspectVectors.some((v) => v.id === s.id)).map((s) => ({ id: s.id, label: s.label, service: s.service, platform: s.platform })),
    matches,
    skipped,
  };
  ctx.db.transaction(() => {
    insertRun(ctx.db, run);
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'screening.run',
      objectType: 'screening_run',
      objectId: run.id,
      details: {
        modelId: run.model.id,
        modelSha256: run.model.sha256,
        calibrated: run.model.calibrated,
        population: { performers: figures.performers, withheld: figures.withheld, nonTargetTrials: figures.nonTargetTrials, targetTrials: figures.targetTrials },
        performers: run.performers.map((p) => ({ id: p.id, references: listRecordings(ctx.db, 'reference', p.id).map((r) => r.sha256) })),
        suspects: run.suspects.map((s) => ({ id: s.id, clips: listRecordings(ctx.db, 'suspect', s.id).map((r) => r.sha256) })),
        matches: run.matches.length,
        skipped,
      },
    });
  })();
  return run.id;
}

/** Advances a job once per recording of an item, then by whatever was not counted (cached or failed work). */
function stepper(job: JobControl, recordings: number): { one: () => void; rest: () => void } {
  let counted = 0;
  return {
    one: () => {
      if (counted < recordings) {
        counted++;
        job.advance();
      }
    },
    rest: () => {
      if (recordings > counted) job.advance(recordings - counted);
      counted = recordings;
    },
  };
}

/** Scores every suspect against every voiceprint through the app's scorer and ranks the pairs worth keeping. */
function scoreAll(
  setup: ScoringSetup,
  voiceprints: readonly { performerId: string; vector: Float32Array }[],
  suspects: readonly { id: string; embedding: Float32Array }[],
): ScreeningMatch[] {
  if (voiceprints.length === 0 || suspects.length === 0) return [];
  const m = voiceprints.length;
  const n = suspects.length;
  const scorer = makeScorer(
    setup,
    voiceprints.map((v) => ({ vector: v.vector, owner: v.performerId })),
    suspects.map((s) => ({ vector: s.embedding, owner: null })),
  );
  const all: ScreeningMatch[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++)
      all.push({ suspectId: suspects[i]?.id ?? '', performerId: voiceprints[j]?.performerId ?? '', rank: 0, ...scorer.reading(j, i) });
  let kept = all;
  if (n * m > STORE_ALL_PAIRS) {
    // The best 10 per suspect and per performer, and the best 1,000 overall.
    const best = (xs: ScreeningMatch[], k: number) => [...xs].sort((a, b) => rankKey(b) - rankKey(a)).slice(0, k);
    const keep = new Set<ScreeningMatch>(best(all, 1000));
    for (let i = 0; i < n; i++) for (const x of best(all.slice(i * m, (i + 1) * m), 10)) keep.add(x);
    for (let j = 0; j < m; j++) for (const x of best(all.filter((_, k) => k % m === j), 10)) keep.add(x);
    kept = [...keep];
  }
  kept.sort((a, b) => rankKey(b) - rankKey(a));
  kept.forEach((x, r) => (x.rank = r + 1));
  return kept;
}
