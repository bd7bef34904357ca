import type Database from 'better-sqlite3';
import type { CaptureBrowserLauncher } from './browser.js';

/** Everything a handler needs: the open database and where the data folder is. Opened by `store/open-core.ts`. */
export interface CoreContext {
  db: Database.Database;
  dataDir: string;
  /** Who the audit log names for changes made through this context (`app`, `cli`, a user name). */
  actor: string;
  version: string;
  /** The browser page captures use; set by the shell (CLI, app, tests), absent where none is available. */
  browser?: CaptureBrowserLauncher;
}
