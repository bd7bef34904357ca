import fs from 'node:fs';
import { SeimonError } from '../../core/errors.js';
import { capturePage } from '../../capture/capture.js';
import { fetchCaptureMedia } from '../../capture/media-fetch.js';
import { appendAudit } from '../../store/audit.js';
import { getCapture, listCaptures } from '../../store/captures.js';
import { contentPath } from '../../store/content.js';
import { confirmFromPage, listFieldChanges } from '../../store/field-sources.js';
import { getSuspect } from '../../store/suspects.js';
import { printoutAttachments } from '../../letters/printouts.js';
import type { HandlerGroup } from './types.js';

type CaptureOps = 'captures.start' | 'captures.list' | 'captures.artefact' | 'captures.fetchMedia' | 'suspects.confirmField' | 'suspects.fieldHistory' | 'letters.printouts';

/** Page captures and the suspect fields they prefill. */
export const captureHandlers: HandlerGroup<CaptureOps> = {
  'captures.start': (ctx, input) => capturePage(ctx, { suspectId: input.suspectId, url: input.url, allowPrivate: input.allowPrivate }),

  'captures.list': (ctx, input) => {
    getSuspect(ctx.db, input.suspectId);
    return listCaptures(ctx.db, input.suspectId);
  },

  'captures.artefact': (ctx, input) => {
    const a = getCapture(ctx.db, input.captureId).artefacts.find((x) => x.kind === input.kind);
    if (!a) throw new SeimonError('NOT_FOUND', `This capture has no ${input.kind}`);
    return new Uint8Array(fs.readFileSync(contentPath(ctx.dataDir, a.sha256)));
  },

  'captures.fetchMedia': (ctx, input) => fetchCaptureMedia(ctx, input.mediaId),

  'suspects.confirmField': (ctx, input) =>
    ctx.db.transaction(() => {
      const s = getSuspect(ctx.db, input.id);
      const mark = s.fieldSources.find((f) => f.field === input.field);
      if (!mark) throw new SeimonError('NOT_FOUND', `The field ${input.field} was not filled from a page`);
      confirmFromPage(ctx.db, s.id, input.field);
      appendAudit(ctx.db, { actor: ctx.actor, action: 'suspect.field.confirm', objectType: 'suspect', objectId: s.id, details: { field: input.field, value: s[input.field], captureId: mark.captureId } });
      return getSuspect(ctx.db, s.id);
    })(),

  'letters.printouts': (ctx, input) => printoutAttachments(ctx, input.caseId),

  'suspects.fieldHistory': (ctx, input) => {
    getSuspect(ctx.db, input.id);
    return listFieldChanges(ctx.db, input.id);
  },
};
