/**
 * What a shell (CLI, core host, e2e harness) needs besides `invoke`: opening and closing the core on a
 * data folder, the app version, and the error type. Shells import these from here, never from the layers
 * below `api/`.
 */
import type { CoreContext } from '../core/context.js';
import { closeCore, openCore } from '../store/open-core.js';
import { sweepLeftovers } from '../workbench/sweep.js';

export { openCore, closeCore, databaseFileOf } from '../store/open-core.js';
export { resolveDataDir } from '../core/data-dir.js';
export { APP_VERSION } from '../core/version.js';
export { SeimonError, isSeimonError } from '../core/errors.js';
export type { CoreContext } from '../core/context.js';

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
export type { CaptureBrowser, CaptureBrowserLauncher, CdpSession } from '../core/browser.js';
