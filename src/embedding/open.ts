import type { CoreContext } from '../core/context.js';
import { registerBundledModels } from '../models/bundled.js';
import { openVerifiedModel } from '../models/registry.js';
import type { ModelSummary } from '../models/manifest.js';
import { Embedder } from './embedder.js';
import type { PoolOptions } from './pool.js';

/**
 * Opens an embedder on a registered model (the default when no id is given), after re-hashing the
 * model file; the bundled starter model is registered first if this data folder has never seen it.
 */
export async function openEmbedder(
  ctx: CoreContext,
  modelId?: string | null,
  poolOptions: Partial<PoolOptions> = {},
): Promise<{ embedder: Embedder; model: ModelSummary }> {
  await registerBundledModels(ctx);
  const verified = openVerifiedModel(ctx, modelId);
  const m = verified.model;
  const embedder = new Embedder(
    {
      id: m.id,
      sha256: m.sha256,
      path: verified.path,
      preset: m.preset,
      inputName: m.inputName,
      outputName: m.outputName,
      windowSeconds: m.windowSeconds,
      hopSeconds: m.hopSeconds,
    },
    { modelBytes: verified.bytes, ...poolOptions },
  );
  try {
    await embedder.ready();
  } catch (e) {
    await embedder.close();
    throw e;
  }
  return { embedder, model: m };
}
