import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { registerBundledModels } from '../../../src/models/bundled.js';
import { importModelFile } from '../../../src/models/import.js';
import { getDefaultModel, setDefaultModel } from '../../../src/models/registry.js';
import { sha256File } from '../../../src/models/hash.js';
import { listAudit } from '../../../src/store/audit.js';
import { listModels, updateModelCalibration } from '../../../src/store/models.js';
import { freshDataDir } from '../../helpers/paths.js';
import { closeCore, fixture, freshCore } from './helpers.js';

let ctx: CoreContext;
afterEach(() => closeCore(ctx));

/** A bundled-model folder like models/starter: manifest.json beside the .onnx file. */
async function makeBundle(
  opts: { sha256?: string | null; id?: string; model?: string; calibration?: Record<string, unknown>; hopSeconds?: number } = {},
): Promise<string> {
  const dir = freshDataDir('seimon-bundle');
  const source = fixture(opts.model ?? 'good-3dspeaker');
  fs.copyFileSync(source, path.join(dir, 'starter-test.onnx'));
  const sha256 = opts.sha256 === undefined ? await sha256File(source) : opts.sha256;
  const manifest = {
    id: opts.id ?? 'seimon-starter-test',
    displayName: 'Starter (test)',
    file: 'starter-test.onnx',
    sha256,
    preset: '3dspeaker',
    windowSeconds: 3,
    hopSeconds: opts.hopSeconds ?? 1.5,
    language: 'English',
    licence: 'CC BY-SA 4.0',
    sourceUrl: null,
    eer: 5.1,
    ...(opts.calibration ? { calibration: opts.calibration } : {}),
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('bundled models', () => {
  it('registers the bundled starter on first start as the default, once', async () => {
    ctx = freshCore();
    const dir = await makeBundle();
    const first = await registerBundledModels(ctx, dir);
    expect(first.failed).toEqual([]);
    expect(first.registered).toHaveLength(1);
    expect(first.registered[0]).toMatchObject({
      id: 'seimon-starter-test',
      bundled: true,
      isDefault: true,
      licence: 'CC BY-SA 4.0',
    });
    expect(getDefaultModel(ctx)).toMatchObject({ id: 'seimon-starter-test', windowSeconds: 3 });
    const again = await registerBundledModels(ctx, dir);
    expect(again).toMatchObject({ registered: [], present: [{ id: 'seimon-starter-test' }] });
    expect(listModels(ctx.db)).toHaveLength(1);
    expect(listAudit(ctx.db).filter((a) => a.action === 'model.bundled')).toHaveLength(1);
  });

  it('replaces an older bundled calibration with the one an update ships, never one the user fitted', async () => {
    ctx = freshCore();
    const old = { a: 3, b: -6, prior: 0.5, scoreKind: 'as-norm', fittedAt: '2026-11-26T00:00:00.000Z' };
    const refit = { ...old, a: 3.5, fittedAt: '2026-11-30T00:00:00.000Z' };
    await registerBundledModels(ctx, await makeBundle({ calibration: old }));
    expect(listModels(ctx.db)[0]?.calibration).toMatchObject({ a: 3, source: 'bundled' });
    await registerBundledModels(ctx, await makeBundle({ calibration: refit }));
    expect(listModels(ctx.db)[0]?.calibration).toMatchObject({ a: 3.5, source: 'bundled', fittedAt: refit.fittedAt });
    const audits = listAudit(ctx.db).filter((a) => a.action === 'model.calibrate');
    expect(audits.at(-1)?.details).toMatchObject({ source: 'bundled', a: 3.5, replacedFittedAt: old.fittedAt });
    // The same bundle again changes nothing.
    await registerBundledModels(ctx, await makeBundle({ calibration: refit }));
    expect(listAudit(ctx.db).filter((a) => a.action === 'model.calibrate')).toHaveLength(audits.length);
    // A calibration the user fitted stays, whatever the bundle says.
    updateModelCalibration(ctx.db, 'seimon-starter-test', { a: 9, b: 0, prior: 0.5, scoreKind: 'raw-cosine', source: 'trials' });
    await registerBundledModels(ctx, await makeBundle({ calibration: { ...refit, a: 4, fittedAt: '2026-12-01T00:00:00.000Z' } }));
    expect(listModels(ctx.db)[0]?.calibration).toMatchObject({ a: 9, source: 'trials' });
  });

  it('takes the window hop an update ships for a bundled model, once, audited', async () => {
    ctx = freshCore();
    await registerBundledModels(ctx, await makeBundle({ hopSeconds: 1.5 }));
    expect(listModels(ctx.db)[0]?.hopSeconds).toBe(1.5);
    await registerBundledModels(ctx, await makeBundle({ hopSeconds: 2 }));
    expect(listModels(ctx.db)[0]).toMatchObject({ hopSeconds: 2, windowSeconds: 3 });
    const audits = listAudit(ctx.db).filter((a) => a.action === 'model.window-plan');
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ hopSeconds: 2, replacedHopSeconds: 1.5 });
    await registerBundledModels(ctx, await makeBundle({ hopSeconds: 2 }));
    expect(listAudit(ctx.db).filter((a) => a.action === 'model.window-plan')).toHaveLength(1);
  });

  it('keeps a default the user chose', async () => {
    ctx = freshCore();
    const mine = await importModelFile(ctx, fixture('good-wespeaker'));
    await registerBundledModels(ctx, await makeBundle());
    expect(getDefaultModel(ctx).id).toBe(mine.model.id);
  });

  it('moves the default to the starter an update ships, keeping the one it replaced', async () => {
    ctx = freshCore();
    await registerBundledModels(ctx, await makeBundle({ id: 'starter-old' }));
    const movesBefore = listAudit(ctx.db).filter((a) => a.action === 'model.set-default').length;
    const update = await registerBundledModels(
      ctx,
      await makeBundle({ id: 'starter-new', model: 'good-nometa' }),
    );
    expect(update.registered.map((m) => m.id)).toEqual(['starter-new']);
    expect(getDefaultModel(ctx).id).toBe('starter-new');
    expect(listModels(ctx.db).map((m) => m.id).sort()).toEqual(['starter-new', 'starter-old']);
    const moves = listAudit(ctx.db).filter((a) => a.action === 'model.set-default');
    expect(moves.slice(movesBefore).map((a) => a.objectId)).toEqual(['starter-new']);
    // a later start with the same bundle changes nothing
    await registerBundledModels(ctx, await makeBundle({ id: 'starter-new', model: 'good-nometa' }));
    expect(listAudit(ctx.db).filter((a) => a.action === 'model.set-default')).toHaveLength(moves.length);
  });

  it('keeps a user-chosen default through an update of the starter', async () => {
    ctx = freshCore();
    await registerBundledModels(ctx, await makeBundle({ id: 'starter-old' }));
    const mine = await importModelFile(ctx, fixture('good-wespeaker'));
    setDefaultModel(ctx, mine.model.id);
    await registerBundledModels(ctx, await makeBundle({ id: 'starter-new', model: 'good-nometa' }));
    expect(getDefaultModel(ctx).id).toBe(mine.model.id);
  });

  it('reports, without throwing, a bundle whose file does not match its manifest hash', async () => {
    ctx = freshCore();
    const r = await registerBundledModels(ctx, await makeBundle({ sha256: 'a'.repeat(64) }));
    expect(r.failed).toEqual([expect.objectContaining({ code: 'MODEL_HASH_MISMATCH' })]);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('does nothing when there is no bundled folder', async () => {
    ctx = freshCore();
    expect(await registerBundledModels(ctx, '/nonexistent/models/starter')).toEqual({
      registered: [],
      present: [],
      failed: [],
    });
  });
});
