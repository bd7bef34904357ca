import type { CoreContext } from '../core/context.js';
import { closeCore, openCore } from '../store/open-core.js';
import { sweepLeftovers } from '../workbench/sweep.js';

/**
 * Opens the core on a data folder for a shell (app, CLI, harness) and sweeps what killed processes left
 * behind (stored audio no recording names, temporary files and half-written packs of dead writers).
 */
export function openSession(dataDir: string, actor: string, opts: { sweep?: boolean } = {}): CoreContext {
  const ctx = openCore(dataDir, actor);
  if (opts.sweep === false) return ctx; // `seimon doctor` reports the leftovers before anything removes them
  try {
    sweepLeftovers(ctx);
  } catch (e) {
    closeCore(ctx);
    throw e;
  }
  return ctx;
}

export { closeCore };
