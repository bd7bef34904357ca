import { sql as m001 } from './001-initial.js';
import { sql as m002 } from './002-models.js';
import { sql as m003 } from './003-embeddings.js';

/** Numbered migrations, applied in order; the database's user_version is the count applied. */
export const MIGRATIONS: readonly string[] = [m001, m002, m003];

export const SCHEMA_VERSION = MIGRATIONS.length;
