// One performer against one suspect: the overall score read honestly (tiled windows, as everything is
// scored), the timeline of the suspect's best-matching clip against the voiceprint (overlapped windows,
// computed when first drawn), where it matches, and what could mislead.
import type { CoreContext } from '../core/context.js';
import type { Comparison, Recording, Suspect, TimelinePoint } from '../domain/index.js';
import { SeimonError } from '../core/errors.js';
import type { Embedder } from '../embedding/embedder.js';
import { openEmbedder } from '../embedding/open.js';
import { cosine, meanOfNormalized } from '../embedding/vectors.js';
import { registerBundledModels } from '../models/bundled.js';
import type { ModelSummary } from '../models/manifest.js';
import { resolveModel } from '../models/registry.js';
import { applicableCalibration, makeScorer, scorePair } from '../scoring/scorer.js';
import { findMatchingRegions } from '../scoring/timeline.js';
import { SIMILARITY_DEFINITION_EN, SIMILARITY_DEFINITION_JA } from '../scoring/verdict.js';
import { findEmbeddingFor } from '../store/embeddings.js';
import type { StoredEmbedding } from '../store/embeddings.js';
import { getPerformer } from '../store/performers.js';
import { listRecordings } from '../store/recordings.js';
import { getSuspect } from '../store/suspects.js';
import { findVoiceprint, referencesKeyOf } from '../store/voiceprints.js';
import { comparisonCaveats } from './caveats.js';
import type { Lang } from './caveats.js';
import { ensureVoiceprint } from './enroll.js';
import { scoreMeaning } from './meaning.js';
import { scoringFor } from './population.js';
import { modelRef } from './readings.js';
import { regionRule } from './regions.js';
import { embedRecording } from './embed-recording.js';
import { embedSuspect } from './suspect-embedding.js';
import { pairReadings } from './compare-pairs.js';

interface Embedded {
  voiceprint: { vector: Float32Array; speechSeconds: number };
  clips: { recording: Recording; embedding: StoredEmbedding }[];
}

/** Voiceprint and clip embeddings straight from the store, when all are there and fresh. */
function fromStore(ctx: CoreContext, model: ModelSummary, performerId: string, suspect: Suspect): Embedded | undefined {
  const vp = findVoiceprint(ctx.db, performerId, model.sha256);
  if (!vp || vp.referencesKey !== referencesKeyOf(ctx.db, performerId)) return undefined;
  const clips = suspect.clips.map((recording) => ({ recording, embedding: findEmbeddingFor(ctx.db, recording.sha256, model, 'score') }));
  if (clips.some((c) => !c.embedding)) return undefined;
  return { voiceprint: vp, clips: clips as Embedded['clips'] };
}

/** One model session for a whole comparison, opened only if something is not in the store yet. */
function lazyEmbedder(ctx: CoreContext, model: ModelSummary): { get(): Promise<Embedder>; close(): Promise<void> } {
  let opening: Promise<Embedder> | undefined;
  return {
    get: () => (opening ??= openEmbedder(ctx, model.id).then((o) => o.embedder)),
    close: async () => {
      if (opening) await (await opening.catch(() => undefined))?.close();
    },
  };
}
type Session = ReturnType<typeof lazyEmbedder>;

async function embedBoth(ctx: CoreContext, model: ModelSummary, performerId: string, suspect: Suspect, session: Session): Promise<Embedded> {
  const cached = fromStore(ctx, model, performerId, suspect);
  if (cached) return cached;
  const embedder = await session.get();
  const vp = await ensureVoiceprint(ctx, embedder, performerId);
  const s = await embedSuspect(ctx, embedder, suspect);
  return { voiceprint: vp.voiceprint, clips: s.clips };
}

/**
 * The windows a clip's timeline is drawn from: the overlapped plan (the model's hop), cached, computed on
 * first use. Its windows at the scoring windows' places are those windows, so only the ones in between
 * run; speech that fits one window is that one window in either plan.
 */
async function timelineEmbedding(ctx: CoreContext, model: ModelSummary, clip: Embedded['clips'][number], session: Session): Promise<StoredEmbedding> {
  if (clip.embedding.windows.length <= 1) return clip.embedding;
  const hit = findEmbeddingFor(ctx.db, clip.recording.sha256, model, 'timeline');
  if (hit) return hit;
  const scored = new Map(clip.embedding.windows.map((w) => [`${w.start}|${w.end}`, w.embedding]));
  return embedRecording(ctx, await session.get(), clip.recording, 'timeline', { known: (start, end) => scored.get(`${start}|${end}`) });
}

/**
 * The voiceprint, the suspect's clips (scoring windows) and the timeline windows of the clip shown: the
 * chosen one, by default the clip that matches best (ties: the first). One model session serves all of
 * it, opened only for what the store does not hold yet.
 */
async function embedForComparison(
  ctx: CoreContext,
  model: ModelSummary,
  performerId: string,
  suspect: Suspect,
  clipId: string | null | undefined,
): Promise<Embedded & { best: Embedded['clips'][number]; windows: StoredEmbedding['windows'] }> {
  const session = lazyEmbedder(ctx, model);
  try {
    const { voiceprint, clips } = await embedBoth(ctx, model, performerId, suspect, session);
    if (clips.length === 0) throw new SeimonError('AUDIO_NO_SPEECH', `No clip of suspect "${suspect.label}" has usable speech.`);
    const chosen = clipId ? clips.find((c) => c.recording.id === clipId) : undefined;
    if (clipId && !chosen) throw new SeimonError('NOT_FOUND', 'That clip is not a usable clip of this suspect.');
    const vp = voiceprint.vector;
    const best = chosen ?? clips.reduce((a, c) => (cosine(c.embedding.vector, vp) > cosine(a.embedding.vector, vp) ? c : a));
    return { voiceprint, clips, best, windows: (await timelineEmbedding(ctx, model, best, session)).windows };
  } finally {
    await session.close();
  }
}

/** Builds the comparison view of a performer and a suspect under a model (the default when none). */
export async function comparePerformerSuspect(
  ctx: CoreContext,
  input: {
    performerId: string;
    suspectId: string;
    modelId?: string | null | undefined;
    lang: Lang;
    /** The clip whose timeline is shown (default: the best-matching clip). */
    suspectRecordingId?: string | null | undefined;
    /** The reference shown beside it (default: the one with the most speech). */
    referenceRecordingId?: string | null | undefined;
  },
): Promise<Comparison> {
  await registerBundledModels(ctx);
  const model = resolveModel(ctx, input.modelId);
  const performer = getPerformer(ctx.db, input.performerId);
  const suspect = getSuspect(ctx.db, input.suspectId);
  const references = listRecordings(ctx.db, 'reference', performer.id);
  if (references.length === 0) throw new SeimonError('NO_REFERENCES', `${performer.name} has no reference recordings yet.`);
  if (suspect.clips.length === 0) throw new SeimonError('NO_CLIPS', `Suspect "${suspect.label}" has no clips yet.`);
  const { voiceprint, clips, best, windows } = await embedForComparison(ctx, model, performer.id, suspect, input.suspectRecordingId);
  const vp = voiceprint.vector;
  const suspectVector = meanOfNormalized(clips.flatMap((c) => c.embedding.windows.map((w) => w.embedding)));
  const { setup, figures } = scoringFor(ctx, model);
  const cal = applicableCalibration(setup);
  const bands = setup.bands;
  const enroll = { vector: vp, owner: performer.id };
  const overall = scorePair(setup, enroll, { vector: suspectVector, owner: null });

  // The chosen clip's timeline (see embedForComparison): every window through the same scorer.
  const scorer = makeScorer(setup, [enroll], windows.map((w) => ({ vector: w.embedding, owner: null })));
  const timeline: TimelinePoint[] = windows.map((w, k) => ({ start: w.start, end: w.end, ...scorer.reading(0, k) }));
  const rule = regionRule(timeline, bands);
  const regions = findMatchingRegions(
    timeline.map((p) => ({ start: p.start, end: p.end, raw: p[rule.field] ?? p.rawCosine })),
    rule.threshold,
    { field: 'raw' },
  ).map((r) => ({ start: r.start, end: r.end, peak: r.peak }));
  const chosenReference = input.referenceRecordingId ? references.find((r) => r.id === input.referenceRecordingId) : undefined;
  if (input.referenceRecordingId && !chosenReference) throw new SeimonError('NOT_FOUND', 'That recording is not a reference of this performer.');
  const bestReference = chosenReference ?? references.reduce((a, r) => (r.quality.speechSeconds > a.quality.speechSeconds ? r : a));
  return {
    model: modelRef(model, cal),
    performer: { id: performer.id, name: performer.name },
    suspect: { id: suspect.id, label: suspect.label },
    overall,
    meaning: scoreMeaning(overall, bands, input.lang, figures),
    definition: input.lang === 'ja' ? SIMILARITY_DEFINITION_JA : SIMILARITY_DEFINITION_EN,
    timeline,
    regions,
    regionScore: rule.field,
    regionThreshold: rule.threshold,
    suspectRecordingId: best.recording.id,
    referenceRecordingId: bestReference.id,
    clips: clips.map((c) => ({ id: c.recording.id, name: c.recording.originalName, speechSeconds: c.embedding.speechSeconds })),
    references: references.map((r) => ({ id: r.id, name: r.originalName, speechSeconds: r.quality.speechSeconds })),
    pairs: pairReadings(ctx, model, performer.id, clips, references, setup),
    windowSeconds: model.windowSeconds,
    hopSeconds: model.hopSeconds,
    ...storedErrorRates(model.calibration, cal !== undefined),
    population: figures,
    caveats: comparisonCaveats(
      {
        calibrated: cal !== undefined,
        cohort: setup.cohort !== undefined,
        references,
        voiceprintSpeechSeconds: voiceprint.speechSeconds,
        clips: clips.map((c) => c.recording),
        clipSpeechSeconds: clips.reduce((s, c) => s + c.embedding.speechSeconds, 0),
        speechEer: model.eerBySpeech ?? null,
      },
      input.lang,
    ),
  };
}

/** The band error rates stored with the model's calibration (see `seimon calibrate`, calibrate-starter). */
function storedErrorRates(calibration: Record<string, unknown> | null, used: boolean): Pick<Comparison, 'errorRates' | 'errorRatesBasis'> {
  const rates = used ? calibration?.bandRates : undefined;
  if (!Array.isArray(rates)) return { errorRates: null, errorRatesBasis: null };
  const ok = rates.filter(
    (r): r is { key: string; minPercent: number; falseMatchRate: number; missRate: number } =>
      typeof r === 'object' && r !== null && typeof (r as { key?: unknown }).key === 'string' && Number.isFinite((r as { falseMatchRate?: unknown }).falseMatchRate),
  );
  return {
    errorRates: ok.map((r) => ({ key: r.key, minPercent: r.minPercent, falseMatchRate: r.falseMatchRate, missRate: r.missRate })),
    errorRatesBasis: typeof calibration?.bandRatesBasis === 'string' ? calibration.bandRatesBasis : null,
  };
}
