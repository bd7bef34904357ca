// A performer's voiceprint under one model: the mean of the L2-normalised window embeddings of all
// their references, so long references weigh more than short ones.
import type { CoreContext } from '../core/context.js';
import { SeimonError } from '../core/errors.js';
import type { Embedder } from '../embedding/embedder.js';
import { meanOfNormalized } from '../embedding/vectors.js';
import { appendAudit } from '../store/audit.js';
import { listRecordings } from '../store/recordings.js';
import { findVoiceprint, referencesKeyOf, saveVoiceprint } from '../store/voiceprints.js';
import type { StoredVoiceprint } from '../store/voiceprints.js';
import { embedRecording } from './embed-recording.js';
import { itemProblem } from './problems.js';
import type { ItemProblem } from './problems.js';

export interface EnrollOutcome {
  voiceprint: StoredVoiceprint;
  /** References left out (no speech, unreadable), named by recording id. */
  problems: ItemProblem[];
  /** False when an up-to-date voiceprint was reused. */
  rebuilt: boolean;
}

/** Builds (or rebuilds) a performer's voiceprint under the embedder's model, with an audit entry. */
export async function enrollPerformer(
  ctx: CoreContext,
  embedder: Embedder,
  performerId: string,
  signal?: AbortSignal,
  onRecording?: () => void,
): Promise<EnrollOutcome> {
  const refs = listRecordings(ctx.db, 'reference', performerId);
  if (refs.length === 0) throw new SeimonError('NO_REFERENCES', 'This performer has no reference recordings yet; add some first.');
  const key = referencesKeyOf(ctx.db, performerId);
  const windows: Float32Array[] = [];
  const used: { recordingId: string; sha256: string; windows: number }[] = [];
  const problems: ItemProblem[] = [];
  let speechSeconds = 0;
  for (const rec of refs) {
    try {
      const e = await embedRecording(ctx, embedder, rec, 'score', signal ? { signal } : {});
      for (const w of e.windows) windows.push(w.embedding);
      speechSeconds += e.speechSeconds;
      used.push({ recordingId: rec.id, sha256: rec.sha256, windows: e.windows.length });
    } catch (e) {
      problems.push(itemProblem(rec.id, e));
    }
    onRecording?.();
  }
  if (windows.length === 0) {
    throw new SeimonError('AUDIO_NO_SPEECH', 'None of the references has enough speech for a voiceprint.');
  }
  const model = embedder.model;
  const voiceprint = ctx.db.transaction(() => {
    const v = saveVoiceprint(ctx.db, {
      performerId,
      modelId: model.id,
      modelSha256: model.sha256,
      references: used.length,
      windows: windows.length,
      speechSeconds: Math.round(speechSeconds * 1000) / 1000,
      vector: meanOfNormalized(windows),
      referencesKey: key,
    });
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'performer.enroll',
      objectType: 'performer',
      objectId: performerId,
      details: { modelId: model.id, modelSha256: model.sha256, references: used, skipped: problems, speechSeconds: v.speechSeconds },
    });
    return v;
  })();
  return { voiceprint, problems, rebuilt: true };
}

/** The performer's voiceprint under the model, rebuilt only when missing or stale. */
export async function ensureVoiceprint(
  ctx: CoreContext,
  embedder: Embedder,
  performerId: string,
  signal?: AbortSignal,
  onRecording?: () => void,
): Promise<EnrollOutcome> {
  const have = findVoiceprint(ctx.db, performerId, embedder.model.sha256);
  if (have && have.referencesKey === referencesKeyOf(ctx.db, performerId)) return { voiceprint: have, problems: [], rebuilt: false };
  return enrollPerformer(ctx, embedder, performerId, signal, onRecording);
}
