import type { Contract, OperationName, OutputOf, ParsedInputOf } from './contract.js';
import type { CoreContext } from './context.js';
import { databaseFileOf } from './context.js';
import { SCHEMA_VERSION } from '../store/migrations/index.js';
import {
  deletePerformer,
  getPerformer,
  insertPerformer,
  listPerformers,
  updatePerformer,
} from '../store/performers.js';
import { appendAudit } from '../store/audit.js';
import { listInstalledModels } from '../models/registry.js';
import { catalogWithStatus } from '../models/catalog-status.js';

type Handler<K extends OperationName> = (
  ctx: CoreContext,
  input: ParsedInputOf<K>,
) => OutputOf<K> | Promise<OutputOf<K>>;

/** The implementation of every operation in the contract; the compiler checks none is missing. */
export type Handlers = { [K in keyof Contract]: Handler<K> };

export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    dataDir: ctx.dataDir,
    databaseFile: databaseFileOf(ctx),
    schemaVersion: SCHEMA_VERSION,
  }),

  'performers.list': (ctx) => listPerformers(ctx.db),

  'performers.create': (ctx, input) =>
    ctx.db.transaction(() => {
      const p = insertPerformer(ctx.db, input);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'performer.create',
        objectType: 'performer',
        objectId: p.id,
        details: { name: p.name },
      });
      return p;
    })(),

  'performers.update': (ctx, input) =>
    ctx.db.transaction(() => {
      const { id, ...fields } = input;
      const p = updatePerformer(ctx.db, id, fields);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'performer.update',
        objectType: 'performer',
        objectId: id,
        details: { fields: Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined) },
      });
      return p;
    })(),

  'performers.remove': (ctx, input) =>
    ctx.db.transaction(() => {
      const p = getPerformer(ctx.db, input.id);
      deletePerformer(ctx.db, input.id);
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'performer.remove',
        objectType: 'performer',
        objectId: p.id,
        details: { name: p.name },
      });
      return { id: p.id };
    })(),

  'models.list': (ctx) => listInstalledModels(ctx),

  'models.catalog': (ctx) => catalogWithStatus(ctx),
};
