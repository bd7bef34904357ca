import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { invoke } from '../../../src/api/invoke.js';
import { freshDataDir } from '../../helpers/paths.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations/index.js';

let ctx: CoreContext;
beforeEach(() => {
  ctx = openCore(freshDataDir(), 'test');
});
afterEach(() => closeCore(ctx));

const count = () => (ctx.db.prepare('SELECT COUNT(*) AS n FROM performers').get() as { n: number }).n;

describe('the handler map', () => {
  it('creates, lists, updates and removes performers, auditing each change', async () => {
    const created = await invoke(ctx, 'performers.create', { name: ' 山田花子 ', kana: 'やまだはなこ', romaji: '' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ name: '山田花子', kana: 'やまだはなこ', romaji: null });
    const updated = await invoke(ctx, 'performers.update', { id: created.value.id, agency: '青空' });
    expect(updated.ok && updated.value.agency).toBe('青空');
    expect(updated.ok && updated.value.kana).toBe('やまだはなこ');
    const list = await invoke(ctx, 'performers.list', {});
    expect(list.ok && list.value.map((p) => p.name)).toEqual(['山田花子']);
    const removed = await invoke(ctx, 'performers.remove', { id: created.value.id });
    expect(removed).toEqual({ ok: true, value: { id: created.value.id } });
    const actions = ctx.db.prepare('SELECT action FROM audit_log ORDER BY seq').all();
    expect(actions).toEqual([{ action: 'performer.create' }, { action: 'performer.update' }, { action: 'performer.remove' }]);
  });

  it.each([
    ['an empty name', { name: '' }, 'name', 'required'],
    ['a whitespace name', { name: '   \t ' }, 'name', 'required'],
    ['a name over 200 characters', { name: 'あ'.repeat(201) }, 'name', 'too_long'],
    ['a control character', { name: 'abc\u0007def' }, 'name', 'control_chars'],
    ['a newline in a name', { name: 'abc\ndef' }, 'name', 'control_chars'],
    ['an unknown field', { name: 'ok', role: 'admin' }, 'role', 'unknown_field'],
    ['a number for a name', { name: 42 }, 'name', 'invalid'],
    ['a missing name', { kana: 'か' }, 'name', 'invalid'],
  ])('rejects %s with a field-specific issue and writes nothing', async (_label, input, path, kind) => {
    const res = await invoke(ctx, 'performers.create', input);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    expect(res.error.issues?.[0]).toMatchObject({ path, kind });
    expect(count()).toBe(0);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });

  it('accepts a name of exactly 200 characters', async () => {
    const res = await invoke(ctx, 'performers.create', { name: 'あ'.repeat(200) });
    expect(res.ok).toBe(true);
  });

  it('answers unknown operations and missing ids with stable codes', async () => {
    expect(await invoke(ctx, 'performers.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    const missing = await invoke(ctx, 'performers.remove', { id: 'perf_0000000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const badId = await invoke(ctx, 'performers.remove', { id: '../../etc/passwd' });
    expect(badId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reports app info with the data folder and schema version', async () => {
    const res = await invoke(ctx, 'app.info', {});
    expect(res).toMatchObject({ ok: true, value: { dataDir: ctx.dataDir, schemaVersion: SCHEMA_VERSION } });
  });
});
