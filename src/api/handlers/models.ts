import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jobsOf } from '../../jobs/registry.js';
import { catalogWithStatus } from '../../models/catalog-status.js';
import { importModelFile } from '../../models/import.js';
import type { InstallOptions } from '../../models/install.js';
import { installModel } from '../../models/install.js';
import { registerBundledModels } from '../../models/bundled.js';
import { findCatalogEntry } from '../../models/catalog.js';
import type { CoreContext } from '../../core/context.js';
import { SeimonError } from '../../core/errors.js';
import type { JobStatus } from '../../domain/index.js';
import { listInstalledModels, setDefaultModel } from '../../models/registry.js';
import { checkBareName } from '../../workbench/import-recording.js';
import type { HandlerGroup } from './types.js';

type ModelOps = 'models.list' | 'models.catalog' | 'models.setDefault' | 'models.importFile' | 'models.install';

/** Installed models, the catalog, imports and installs. */
export const modelHandlers: HandlerGroup<ModelOps> = {
  'models.list': async (ctx) => {
    await registerBundledModels(ctx); // idempotent; a data folder that never saw the starter model gets it
    return listInstalledModels(ctx);
  },

  'models.catalog': async (ctx) => {
    await registerBundledModels(ctx);
    return catalogWithStatus(ctx);
  },

  'models.setDefault': async (ctx, input) => {
    await registerBundledModels(ctx);
    return setDefaultModel(ctx, input.id);
  },

  'models.importFile': async (ctx, input) => {
    const name = checkBareName(input.name);
    // The bytes go to a private temp folder under their (validated) name; the importer copies and hashes them.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-model-'));
    try {
      const file = path.join(dir, name);
      fs.writeFileSync(file, input.bytes);
      const r = await importModelFile(ctx, file, {
        preset: input.preset ?? undefined,
        displayName: path.basename(name, path.extname(name)),
      });
      return r.model;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },

  'models.install': (ctx, input) => {
    if (!findCatalogEntry(input.catalogId)) {
      throw new SeimonError('MODEL_UNKNOWN_SOURCE', `"${input.catalogId}" is not in the model catalog.`);
    }
    return installJob(ctx, input.catalogId, {});
  },
};

/** Runs one install as the (single) model-install job. */
export function installJob(ctx: CoreContext, source: string, opts: InstallOptions): JobStatus {
  return (
    jobsOf(ctx).running('model-install') ??
    jobsOf(ctx).start('model-install', async (job) => {
      const r = await installModel(ctx, source, {
        ...opts,
        signal: job.signal,
        onProgress: (p) => job.progress(p.receivedBytes, p.totalBytes ?? Math.max(p.receivedBytes, 1)),
      });
      return r.model.id;
    })
  );
}
