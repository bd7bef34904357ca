import path from 'node:path';
import type { Db } from '../store/database.js';
import { DB_FILE_NAME, openDatabase } from '../store/database.js';
import { APP_VERSION } from '../core/version.js';

/** Everything a handler needs: the open database and where the data folder is. */
export interface CoreContext {
  db: Db;
  dataDir: string;
  /** Who the audit log names for changes made through this context (`app`, `cli`, a user name). */
  actor: string;
  version: string;
}

/** Opens the core on a data folder; the caller closes it with `closeCore`. */
export function openCore(dataDir: string, actor: string): CoreContext {
  const abs = path.resolve(dataDir);
  return { db: openDatabase(abs), dataDir: abs, actor, version: APP_VERSION };
}

export function closeCore(ctx: CoreContext): void {
  ctx.db.close();
}

export const databaseFileOf = (ctx: CoreContext): string => path.join(ctx.dataDir, DB_FILE_NAME);
