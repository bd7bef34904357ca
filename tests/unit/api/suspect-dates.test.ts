/** Suspect dates: pickers send ISO dates; free text such as 「2025年11月20日」 is refused on the field, nothing stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { invoke } from '../../../src/api/invoke.js';
import { freshDataDir } from '../../helpers/paths.js';

let ctx: CoreContext;
beforeEach(() => {
  ctx = openCore(freshDataDir(), 'test');
});
afterEach(() => closeCore(ctx));

const suspects = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM suspects').get() as { n: number }).n;

describe('suspect dates', () => {
  it.each([
    ['a date', { foundAt: '2025-11-20' }],
    ['a local date-time from the picker', { postedAt: '2025-11-20T14:30' }],
    ['a date-time with seconds and a zone', { capturedAt: '2025-05-02T09:30:00+09:00' }],
    ['UTC', { capturedAt: '2026-11-01T10:00:00Z' }],
    ['an empty field (no date)', { foundAt: '' }],
  ])('accepts %s', async (_what, dates) => {
    const res = await invoke(ctx, 'suspects.create', { kind: 'clip', label: 'clip', ...dates });
    expect(res.ok).toBe(true);
  });

  it.each([
    ['Japanese free text', { foundAt: '2025年11月20日' }, 'foundAt'],
    ['a slash date', { postedAt: '2025/11/20' }, 'postedAt'],
    ['month 13', { capturedAt: '2025-13-01' }, 'capturedAt'],
    ['words', { foundAt: 'last Tuesday' }, 'foundAt'],
  ])('refuses %s with INVALID_INPUT on that field and stores nothing', async (_what, dates, field) => {
    const res = await invoke(ctx, 'suspects.create', { kind: 'clip', label: 'clip', ...dates });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.issues?.[0]).toMatchObject({ path: field, kind: 'invalid' });
    expect(suspects()).toBe(0);
  });
});
