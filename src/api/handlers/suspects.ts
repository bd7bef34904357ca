import type { Suspect } from '../contract.js';
import { appendAudit } from '../../store/audit.js';
import { deleteSuspect, getSuspect, insertSuspect, listSuspects, updateSuspect } from '../../store/suspects.js';
import { dropUnreferencedFiles } from '../../workbench/cleanup.js';
import { listCaptures } from '../../store/captures.js';
import { importRecording } from '../../workbench/import-recording.js';
import type { Provenance } from '../../store/recordings.js';
import type { HandlerGroup } from './types.js';
import { recordUserEdits } from '../../workbench/suspect-history.js';

type SuspectOps = 'suspects.list' | 'suspects.get' | 'suspects.create' | 'suspects.update' | 'suspects.remove' | 'suspects.importClip';

/** What is known about where a suspect's clip came from, frozen with the file's hash at import. */
function provenanceOf(s: Suspect): Provenance {
  const { kind, label, service, operator, characterName, url, platform, uploader, postedAt, capturedAt, foundAt, postTitle } = s;
  return { suspectKind: kind, label, service, operator, characterName, url, platform, uploader, postedAt, capturedAt, foundAt, postTitle };
}

/** Suspect AI voices and clips, with provenance. */
export const suspectHandlers: HandlerGroup<SuspectOps> = {
  'suspects.list': (ctx) => listSuspects(ctx.db),

  'suspects.get': (ctx, input) => getSuspect(ctx.db, input.id),

  'suspects.create': (ctx, input) =>
    ctx.db.transaction(() => {
      const s = insertSuspect(ctx.db, input);
      appendAudit(ctx.db, { actor: ctx.actor, action: 'suspect.create', objectType: 'suspect', objectId: s.id, details: provenanceOf(s) });
      return s;
    })(),

  'suspects.update': (ctx, input) =>
    ctx.db.transaction(() => {
      const { id, ...fields } = input;
      const before = getSuspect(ctx.db, id);
      const s = updateSuspect(ctx.db, id, fields);
      const changed = recordUserEdits(ctx, before, s);
      appendAudit(ctx.db, { actor: ctx.actor, action: 'suspect.update', objectType: 'suspect', objectId: id, details: { ...provenanceOf(s), changed: changed.join(',') } });
      return getSuspect(ctx.db, id);
    })(),

  'suspects.remove': (ctx, input) => {
    const s = getSuspect(ctx.db, input.id);
    // Clips and the artefacts of the suspect's page captures (rows go by cascade; files when unused).
    const shas = [...s.clips.map((c) => c.sha256), ...listCaptures(ctx.db, s.id).flatMap((c) => c.artefacts.map((a) => a.sha256))];
    ctx.db.transaction(() => {
      deleteSuspect(ctx.db, s.id);
      appendAudit(ctx.db, { actor: ctx.actor, action: 'suspect.remove', objectType: 'suspect', objectId: s.id, details: { label: s.label, clips: shas } });
    })();
    dropUnreferencedFiles(ctx, shas);
    return { id: s.id };
  },

  'suspects.importClip': async (ctx, input) => {
    const s = getSuspect(ctx.db, input.suspectId);
    return importRecording(ctx, {
      role: 'suspect',
      ownerId: s.id,
      originalName: input.name,
      bytes: input.bytes,
      provenance: { ...provenanceOf(s), originalName: input.name, importedBy: ctx.actor, importedAt: new Date().toISOString() },
    });
  },
};
