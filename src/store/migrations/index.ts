import { sql as m001 } from './001-initial.js';
import { sql as m002 } from './002-models.js';
import { sql as m003 } from './003-embeddings.js';
import { sql as m004 } from './004-workbench.js';
import { sql as m005 } from './005-cases.js';
import { sql as m006 } from './006-letters.js';
import { sql as m007 } from './007-evidence-trust.js';
import { sql as m008 } from './008-captures.js';
import { sql as m009 } from './009-population.js';
import { sql as m010 } from './010-letter-facts.js';
import { sql as m011 } from './011-short-speech-front-end.js';
import { sql as m012 } from './012-window-plan.js';

/** Numbered migrations, applied in order; the database's user_version is the count applied. */
export const MIGRATIONS: readonly string[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012];

export const SCHEMA_VERSION = MIGRATIONS.length;
