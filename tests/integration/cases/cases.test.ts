import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { invoke } from '../../../src/api/invoke.js';
import { listAudit } from '../../../src/store/audit.js';
import { DB_FILE_NAME } from '../../../src/store/database.js';
import { cli } from '../../helpers/cli-run.js';
import { freshDataDir } from '../../helpers/paths.js';
import { op } from '../evidence/fixture.js';

describe('cases', () => {
  const dir = freshDataDir('seimon-cases');
  let ctx: CoreContext;
  let performerId = '';
  let suspectId = '';

  beforeAll(async () => {
    ctx = openCore(dir, 'test');
    performerId = (await op(ctx, 'performers.create', { name: '青木 葵' })).id;
    suspectId = (await op(ctx, 'suspects.create', { kind: 'voice_model', label: 'AIあおい', service: 'VoiceGen' })).id;
  });
  afterAll(() => closeCore(ctx));

  it('creates a draft case titled after performer and suspect, audited', async () => {
    const c = await op(ctx, 'cases.create', { performerIds: [performerId], suspectIds: [suspectId], platform: 'YouTube' });
    expect(c).toMatchObject({ status: 'draft', title: '青木 葵 × AIあおい', platform: 'YouTube', nextStatuses: ['sent'] });
    expect(c.performers).toEqual([{ id: performerId, name: '青木 葵' }]);
    const entry = listAudit(ctx.db, { objectId: c.id }).find((e) => e.action === 'case.create');
    expect(entry?.details).toMatchObject({ performerIds: [performerId], suspectIds: [suspectId] });
  });

  it('follows the workflow, refuses other steps, and audits every change', async () => {
    const c = await op(ctx, 'cases.create', { performerIds: [performerId], suspectIds: [suspectId] });
    const bad = await invoke(ctx, 'cases.updateStatus', { id: c.id, status: 'removed' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'CASE_BAD_TRANSITION' } });
    for (const s of ['sent', 'answered', 'refused', 'escalated', 'removed'] as const) await op(ctx, 'cases.updateStatus', { id: c.id, status: s, note: `→ ${s}` });
    const done = await op(ctx, 'cases.get', { id: c.id });
    expect(done.history.map((h) => h.to)).toEqual(['draft', 'sent', 'answered', 'refused', 'escalated', 'removed']);
    expect(done.nextStatuses).toEqual([]);
    expect(listAudit(ctx.db, { objectId: c.id }).filter((e) => e.action === 'case.status')).toHaveLength(5);
    expect(await invoke(ctx, 'cases.updateStatus', { id: c.id, status: 'sent' })).toMatchObject({ ok: false, error: { code: 'CASE_BAD_TRANSITION' } });
  });

  it('refuses unknown performers and keeps performers in a case from being deleted', async () => {
    expect(await invoke(ctx, 'cases.create', { performerIds: ['perf_0000000000'], suspectIds: [suspectId] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke(ctx, 'performers.remove', { id: performerId })).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    expect(await invoke(ctx, 'suspects.remove', { id: suspectId })).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
    // Nothing was removed, and the refused removals left no audit entry behind.
    expect((await op(ctx, 'performers.get', { id: performerId })).name).toBe('青木 葵');
    expect(listAudit(ctx.db, { objectId: performerId }).some((e) => e.action === 'performer.remove')).toBe(false);
  });

  it('CLI: case create --json, list, show --json, status', async () => {
    closeCore(ctx);
    try {
      const made = await cli(['--data-dir', dir, 'case', 'create', '--performer', performerId, '--suspect', suspectId, '--title', '件名 T', '--json']);
      expect(made.code).toBe(0);
      const c = JSON.parse(made.out) as { id: string; title: string };
      expect(c.title).toBe('件名 T');
      expect((await cli(['--data-dir', dir, 'case', 'list'])).out).toContain(c.id);
      expect((await cli(['--data-dir', dir, 'case', 'status', c.id, 'sent'])).code).toBe(0);
      const shown = JSON.parse((await cli(['--data-dir', dir, 'case', 'show', c.id, '--json'])).out) as { status: string };
      expect(shown.status).toBe('sent');
      const wrong = await cli(['--data-dir', dir, 'case', 'status', c.id, 'draft']);
      expect(wrong.code).toBe(1);
      expect(wrong.err).toContain('CASE_BAD_TRANSITION');
    } finally {
      ctx = openCore(dir, 'test');
    }
  });

  it('seimon audit verify: exit 0 with the count; exit 1 naming the first tampered entry', async () => {
    closeCore(ctx);
    try {
      const good = await cli(['--data-dir', dir, 'audit', 'verify']);
      expect(good.code).toBe(0);
      expect(good.out).toMatch(/^verified \d+ entries/);
      // Tamper the way someone with the file and a SQLite shell would: drop the guard, edit an entry.
      const db = new Database(path.join(dir, DB_FILE_NAME));
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET details = '{\"name\":\"someone else\"}' WHERE seq = 2").run();
      db.close();
      const bad = await cli(['--data-dir', dir, 'audit', 'verify']);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/broken at entry 2 \(/);
    } finally {
      ctx = openCore(dir, 'test');
    }
  });
});
