import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jobsOf } from '../../jobs/registry.js';
import { catalogWithStatus } from '../../models/catalog-status.js';
import { importModelFile } from '../../models/import.js';
import { installModel } from '../../models/install.js';
import { listInstalledModels, setDefaultModel } from '../../models/registry.js';
import { checkBareName } from '../../workbench/import-recording.js';
import type { HandlerGroup } from './types.js';

type ModelOps = 'models.list' | 'models.catalog' | 'models.setDefault' | 'models.importFile' | 'models.install';

/** Installed models, the catalog, imports and installs. */
export const modelHandlers: HandlerGroup<ModelOps> = {
  'models.list': (ctx) => listInstalledModels(ctx),

  'models.catalog': (ctx) => catalogWithStatus(ctx),

  'models.setDefault': (ctx, input) => setDefaultModel(ctx, input.id),

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

  'models.install': (ctx, input) =>
    jobsOf(ctx).running('model-install') ??
    jobsOf(ctx).start('model-install', async (job) => {
      const r = await installModel(ctx, input.catalogId, {
        signal: job.signal,
        onProgress: (p) => job.progress(p.receivedBytes, p.totalBytes ?? Math.max(p.receivedBytes, 1)),
      });
      return r.model.id;
    }),
};
