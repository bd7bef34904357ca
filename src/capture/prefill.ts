// Suspect fields prefilled from a capture: only empty fields (or ones an earlier, unconfirmed capture
// filled) take the page's value; what the user typed is never overwritten, only reported as differing.
import type { CoreContext } from '../core/context.js';
import type { CaptureResult, PageField, PageMetadata } from '../domain/capture.js';
import type { Suspect } from '../domain/workbench.js';
import { appendFieldChange, markFromPage } from '../store/field-sources.js';
import { updateSuspect } from '../store/suspects.js';

/** What the page offers for each suspect field (null: the page said nothing). */
export function pageValues(meta: PageMetadata, finalUrl: string, capturedAt: string): Record<PageField, string | null> {
  return {
    postTitle: meta.title,
    url: meta.canonicalUrl ?? finalUrl,
    platform: meta.siteName,
    uploader: meta.uploader,
    postedAt: meta.postedAt,
    capturedAt,
  };
}

/** Applies the page's values to the suspect; call inside the capture's transaction. */
export function prefillSuspect(ctx: CoreContext, s: Suspect, captureId: string, values: Record<PageField, string | null>): Omit<CaptureResult, 'capture'> {
  const prefilled: PageField[] = [];
  const differing: CaptureResult['differing'] = [];
  const update: Partial<Record<PageField, string>> = {};
  for (const [field, raw] of Object.entries(values) as [PageField, string | null][]) {
    const value = raw?.trim().slice(0, field === 'url' ? 2000 : 200) ?? '';
    if (!value) continue;
    const current = s[field];
    const mark = s.fieldSources.find((f) => f.field === field);
    const fromEarlierPage = mark !== undefined && mark.confirmedAt === null && mark.value === current;
    if (current && current !== value && !fromEarlierPage) {
      differing.push({ field, pageValue: value, current });
      continue;
    }
    if (current !== value) {
      update[field] = value;
      appendFieldChange(ctx.db, s.id, { field, oldValue: current, newValue: value, source: 'page', captureId, actor: ctx.actor });
    }
    markFromPage(ctx.db, s.id, field, captureId, value);
    prefilled.push(field);
  }
  if (Object.keys(update).length) updateSuspect(ctx.db, s.id, update);
  return { prefilled, differing };
}
