import type { Contract } from './contract.js';
import { databaseFileOf } from '../store/open-core.js';
import { SCHEMA_VERSION } from '../store/migrations/index.js';
import type { Handler } from './handlers/types.js';
import { audioHandlers } from './handlers/audio.js';
import { captureHandlers } from './handlers/captures.js';
import { caseHandlers } from './handlers/cases.js';
import { caseScoreHandlers } from './handlers/case-scores.js';
import { evidenceHandlers } from './handlers/evidence.js';
import { letterHandlers } from './handlers/letters.js';
import { cliFileHandlers } from './handlers/cli-files.js';
import { modelHandlers } from './handlers/models.js';
import { performerHandlers } from './handlers/performers.js';
import { populationHandlers } from './handlers/population.js';
import { screeningHandlers } from './handlers/screening.js';
import { settingsHandlers } from './handlers/settings.js';
import { suspectHandlers } from './handlers/suspects.js';

/** The implementation of every operation in the contract; the compiler checks none is missing. */
export type Handlers = { [K in keyof Contract]: Handler<K> };

export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    dataDir: ctx.dataDir,
    databaseFile: databaseFileOf(ctx),
    schemaVersion: SCHEMA_VERSION,
  }),
  ...performerHandlers,
  ...suspectHandlers,
  ...screeningHandlers,
  ...audioHandlers,
  ...settingsHandlers,
  ...modelHandlers,
  ...caseHandlers,
  ...caseScoreHandlers,
  ...evidenceHandlers,
  ...letterHandlers,
  ...populationHandlers,
  ...captureHandlers,
  ...cliFileHandlers,
};
