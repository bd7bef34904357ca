import type { CoreContext } from '../../core/context.js';
import { appendAudit } from '../../store/audit.js';
import { deletePerformer, getPerformer, insertPerformer, listPerformers, updatePerformer } from '../../store/performers.js';
import { deleteRecording, getRecording, listRecordings } from '../../store/recordings.js';
import { statusOf, voiceprintStatuses } from '../../store/voiceprints.js';
import { openEmbedder } from '../../embedding/open.js';
import { dropUnreferencedFiles } from '../../workbench/cleanup.js';
import { enrollPerformer } from '../../workbench/enroll.js';
import { importRecording } from '../../workbench/import-recording.js';
import { performerOverview } from '../../workbench/performer-overview.js';
import { jobsOf } from '../../jobs/registry.js';
import { refreshPopulationInBackground } from '../../workbench/population.js';
import type { HandlerGroup } from './types.js';

type PerformerOps =
  | 'performers.list'
  | 'performers.overview'
  | 'performers.create'
  | 'performers.update'
  | 'performers.remove'
  | 'performers.get'
  | 'references.import'
  | 'recordings.remove'
  | 'performers.enroll';

const audit = (ctx: CoreContext, action: string, objectType: string, objectId: string, details: Record<string, unknown>) =>
  appendAudit(ctx.db, { actor: ctx.actor, action, objectType, objectId, details });

/** Performers, their reference recordings and voiceprints. */
export const performerHandlers: HandlerGroup<PerformerOps> = {
  'performers.list': (ctx) => listPerformers(ctx.db),

  'performers.overview': (ctx) => performerOverview(ctx),

  'performers.create': (ctx, input) =>
    ctx.db.transaction(() => {
      const p = insertPerformer(ctx.db, input);
      audit(ctx, 'performer.create', 'performer', p.id, { name: p.name, consent: p.consent });
      return p;
    })(),

  'performers.update': (ctx, input) =>
    ctx.db.transaction(() => {
      const { id, ...fields } = input;
      const p = updatePerformer(ctx.db, id, fields);
      const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
      audit(ctx, 'performer.update', 'performer', id, { fields: changed, ...(fields.consent !== undefined ? { consent: p.consent } : {}) });
      return p;
    })(),

  'performers.remove': (ctx, input) => {
    const shas = listRecordings(ctx.db, 'reference', input.id).map((r) => r.sha256);
    const out = ctx.db.transaction(() => {
      const p = getPerformer(ctx.db, input.id);
      deletePerformer(ctx.db, input.id);
      audit(ctx, 'performer.remove', 'performer', p.id, { name: p.name, references: shas });
      return { id: p.id };
    })();
    dropUnreferencedFiles(ctx, shas);
    return out;
  },

  'performers.get': (ctx, input) => {
    const p = getPerformer(ctx.db, input.id);
    return { ...p, references: listRecordings(ctx.db, 'reference', p.id), voiceprints: voiceprintStatuses(ctx.db, p.id) };
  },

  'references.import': async (ctx, input) => {
    getPerformer(ctx.db, input.performerId);
    return importRecording(ctx, {
      role: 'reference',
      ownerId: input.performerId,
      originalName: input.name,
      bytes: input.bytes,
      provenance: { originalName: input.name, importedBy: ctx.actor, importedAt: new Date().toISOString() },
    });
  },

  'recordings.remove': (ctx, input) => {
    const rec = getRecording(ctx.db, input.id);
    ctx.db.transaction(() => {
      deleteRecording(ctx.db, rec.id);
      audit(ctx, 'recording.remove', 'recording', rec.id, { sha256: rec.sha256, role: rec.role, ownerId: rec.ownerId, originalName: rec.originalName });
    })();
    dropUnreferencedFiles(ctx, [rec.sha256]);
    return { id: rec.id };
  },

  'performers.enroll': async (ctx, input) => {
    getPerformer(ctx.db, input.id);
    const { embedder, model } = await openEmbedder(ctx, input.modelId);
    try {
      const r = await enrollPerformer(ctx, embedder, input.id);
      return statusOf(r.voiceprint, r.voiceprint.referencesKey);
    } finally {
      await embedder.close();
      // Enrolment changed: the population check is recomputed in the background (a job with progress).
      refreshPopulationInBackground(ctx, model, jobsOf(ctx));
    }
  },
};
