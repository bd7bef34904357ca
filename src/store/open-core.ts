import path from 'node:path';
import type { CoreContext } from '../core/context.js';
import { DB_FILE_NAME, openDatabase } from './database.js';
import { APP_VERSION } from '../core/version.js';

export type { CoreContext } from '../core/context.js';

/** Opens the core on a data folder; the caller closes it with `closeCore`. */
export function openCore(dataDir: string, actor: string): CoreContext {
  const abs = path.resolve(dataDir);
  return { db: openDatabase(abs), dataDir: abs, actor, version: APP_VERSION };
}

export function closeCore(ctx: CoreContext): void {
  ctx.db.close();
}

export const databaseFileOf = (ctx: CoreContext): string => path.join(ctx.dataDir, DB_FILE_NAME);
