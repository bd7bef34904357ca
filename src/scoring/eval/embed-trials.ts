// Embeds every distinct file of a trial list once, through the (file SHA-256, model SHA-256, hop) cache,
// so a second run of the same list costs only hashing and SQLite look-ups. Files are embedded as the app
// scores them (tiled windows; speech up to 6 s is one window).
import type { CoreContext } from '../../core/context.js';
import { isSeimonError } from '../../core/errors.js';
import { embedFileCached } from '../../embedding/cached.js';
import type { Embedder } from '../../embedding/embedder.js';

/** A file's clip embedding, or why it has none. */
export type FileOutcome =
  | { readonly ok: true; readonly vector: Float32Array; readonly cached: boolean; readonly speechSeconds: number }
  | { readonly ok: false; readonly code: string; readonly message: string };

export interface EmbedTrialsOptions {
  /** Files decoded at once: decoding and VAD run here while the pool infers on the previous file. */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Audio problems (undecodable, no speech) and file-system errors belong to one file and become a
 * per-line report; anything else (a crashed model worker) would fail every file, so it is rethrown.
 */
function fileFailure(e: unknown): FileOutcome | undefined {
  if (isSeimonError(e) && e.code.startsWith('AUDIO_')) return { ok: false, code: e.code, message: e.message };
  const errno = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return { ok: false, code: errno, message: (e as Error).message };
  return undefined;
}

/** Embeds each file (absolute paths, distinct) and returns its outcome by path. */
export async function embedTrialFiles(
  ctx: CoreContext,
  embedder: Embedder,
  files: readonly string[],
  opts: EmbedTrialsOptions = {},
): Promise<Map<string, FileOutcome>> {
  const out = new Map<string, FileOutcome>();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++] as string;
      try {
        const e = await embedFileCached(ctx, embedder, file, 'score');
        out.set(file, { ok: true, vector: e.vector, cached: e.cached, speechSeconds: e.speechSeconds });
      } catch (e) {
        const failure = fileFailure(e);
        if (!failure) throw e;
        out.set(file, failure);
      }
      opts.onProgress?.(++done, files.length);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 2, files.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}
