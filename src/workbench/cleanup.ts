import type { CoreContext } from '../core/context.js';
import { removeStored } from '../store/content.js';
import { shaInUse } from '../store/recordings.js';

/** Deletes stored files no recording names any more (after a removal: recordings are sensitive). */
export function dropUnreferencedFiles(ctx: CoreContext, shas: readonly string[]): void {
  for (const sha of new Set(shas)) if (!shaInUse(ctx.db, sha)) removeStored(ctx.dataDir, sha);
}
