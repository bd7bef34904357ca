// What the performers list shows beside each name: references, weak ones, speech in all, and whether a
// voiceprint under the default model is ready, stale or missing.
import type { CoreContext } from '../core/context.js';
import type { PerformerOverview } from '../domain/index.js';
import { registerBundledModels } from '../models/bundled.js';
import { resolveModel } from '../models/registry.js';
import { listPerformers } from '../store/performers.js';
import { listRecordings } from '../store/recordings.js';
import { findVoiceprint, referencesKeyOf } from '../store/voiceprints.js';

/** One row per performer, in list order. */
export async function performerOverview(ctx: CoreContext): Promise<PerformerOverview[]> {
  await registerBundledModels(ctx);
  const model = resolveModel(ctx);
  return listPerformers(ctx.db).map((p) => {
    const refs = listRecordings(ctx.db, 'reference', p.id);
    const vp = findVoiceprint(ctx.db, p.id, model.sha256);
    return {
      performerId: p.id,
      references: refs.length,
      weakReferences: refs.filter((r) => r.weakReasons && r.weakReasons.length > 0).length,
      speechSeconds: refs.reduce((s, r) => s + r.quality.speechSeconds, 0),
      voiceprint: !vp ? 'none' : vp.referencesKey === referencesKeyOf(ctx.db, p.id) ? 'ready' : 'stale',
    };
  });
}
