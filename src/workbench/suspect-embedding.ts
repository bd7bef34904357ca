import type { CoreContext } from '../core/context.js';
import type { Recording, Suspect } from '../domain/index.js';
import { SeimonError } from '../core/errors.js';
import type { Embedder } from '../embedding/embedder.js';
import { meanOfNormalized } from '../embedding/vectors.js';
import type { StoredEmbedding } from '../store/embeddings.js';
import { embedRecording } from './embed-recording.js';
import { itemProblem } from './problems.js';
import type { ItemProblem } from './problems.js';

export interface SuspectEmbedding {
  /** meanOfNormalized over every window of every usable clip. */
  vector: Float32Array;
  clips: { recording: Recording; embedding: StoredEmbedding }[];
  problems: ItemProblem[];
}

/** Embeds a suspect's clips (cached) and summarises them; AUDIO_NO_SPEECH when no clip is usable. */
export async function embedSuspect(
  ctx: CoreContext,
  embedder: Embedder,
  suspect: Suspect,
  signal?: AbortSignal,
  onRecording?: () => void,
): Promise<SuspectEmbedding> {
  const clips: SuspectEmbedding['clips'] = [];
  const problems: ItemProblem[] = [];
  for (const rec of suspect.clips) {
    try {
      clips.push({ recording: rec, embedding: await embedRecording(ctx, embedder, rec, 'score', signal ? { signal } : {}) });
    } catch (e) {
      problems.push(itemProblem(rec.id, e));
    }
    onRecording?.();
  }
  const windows = clips.flatMap((c) => c.embedding.windows.map((w) => w.embedding));
  if (windows.length === 0) {
    const why = problems[0] ? `: ${problems[0].message}` : '';
    throw new SeimonError('AUDIO_NO_SPEECH', `No clip of suspect "${suspect.label}" could be used${why}`);
  }
  return { vector: meanOfNormalized(windows), clips, problems };
}
