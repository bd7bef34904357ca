/**
 * What a shell (CLI, core host, e2e harness) needs besides `invoke`: opening and closing the core on a
 * data folder, the app version, and the error type. Shells import these from here, never from the layers
 * below `api/`.
 */
export { openCore, closeCore, databaseFileOf } from '../store/open-core.js';
export { resolveDataDir } from '../core/data-dir.js';
export { APP_VERSION } from '../core/version.js';
export { SeimonError, isSeimonError } from '../core/errors.js';
export type { CoreContext } from '../core/context.js';
