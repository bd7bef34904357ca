import type { CoreContext } from '../core/context.js';
import { listModels } from '../store/models.js';
import type { CatalogItem } from './catalog.js';
import { MODEL_CATALOG } from './catalog.js';

/** The catalog as the settings UI shows it: each entry marked when already installed. */
export function catalogWithStatus(ctx: CoreContext): CatalogItem[] {
  const installed = listModels(ctx.db);
  return MODEL_CATALOG.map((e) => {
    const match = installed.find(
      (m) => m.sha256 === e.sha256 || m.sourceUrl === e.url,
    );
    return { ...e, installedModelId: match?.id ?? null };
  });
}
