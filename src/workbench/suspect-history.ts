// A person's edits of a suspect: every changed field goes into the field history, and a field the
// page prefilled loses its "from the page" mark once the person replaces the value.
import type { CoreContext } from '../core/context.js';
import type { Suspect } from '../domain/index.js';
import { appendFieldChange, dropPageMark } from '../store/field-sources.js';

const EDITABLE = ['kind', 'label', 'service', 'operator', 'characterName', 'url', 'platform', 'uploader', 'postedAt', 'capturedAt', 'foundAt', 'notes', 'postTitle'] as const;

/** Writes the history of the fields that differ between before and after; call in the update's transaction. */
export function recordUserEdits(ctx: CoreContext, before: Suspect, after: Suspect): string[] {
  const changed: string[] = [];
  for (const field of EDITABLE) {
    const oldValue = before[field] ?? null;
    const newValue = after[field] ?? null;
    if (oldValue === newValue) continue;
    changed.push(field);
    appendFieldChange(ctx.db, after.id, { field, oldValue, newValue, source: 'user', captureId: null, actor: ctx.actor });
    const mark = before.fieldSources.find((f) => f.field === field);
    if (mark && mark.value !== newValue) dropPageMark(ctx.db, after.id, field);
  }
  return changed;
}
