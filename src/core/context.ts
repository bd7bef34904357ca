import type Database from 'better-sqlite3';

/** Everything a handler needs: the open database and where the data folder is. Opened by `store/open-core.ts`. */
export interface CoreContext {
  db: Database.Database;
  dataDir: string;
  /** Who the audit log names for changes made through this context (`app`, `cli`, a user name). */
  actor: string;
  version: string;
}
