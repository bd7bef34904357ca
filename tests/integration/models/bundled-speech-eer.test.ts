/**
 * A bundled model's measured EER by speech length (manifest `eerBySpeech`) goes into the registered
 * model's manifest in the real SQLite database: at registration, for an install registered before the
 * manifest carried it, and never when the table is malformed (the bundle is refused, nothing changes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import type { SpeechEerTable } from '../../../src/domain/short-speech.js';
import { registerBundledModels } from '../../../src/models/bundled.js';
import { sha256File } from '../../../src/models/hash.js';
import { listAudit } from '../../../src/store/audit.js';
import { listModels } from '../../../src/store/models.js';
import { comparisonCaveats } from '../../../src/workbench/caveats.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { closeCore, fixture, freshCore } from './helpers.js';

let ctx: CoreContext;
afterEach(() => closeCore(ctx));

const TABLE: SpeechEerTable = {
  basis: { en: 'test speakers', ja: 'テスト話者での測定' },
  provenance: 'tests',
  rows: [
    { seconds: 0.5, upTo: 1, eerPercent: 12 },
    { seconds: 1, upTo: 2, eerPercent: 6.5 },
    { seconds: 2, upTo: 5, eerPercent: 3 },
  ],
};

/** A bundle like models/starter, with or without the table (raw: written as given). */
async function makeBundle(eerBySpeech?: unknown): Promise<string> {
  const dir = freshDataDir('seimon-bundle-eer');
  const source = fixture('good-3dspeaker');
  fs.copyFileSync(source, path.join(dir, 'starter-test.onnx'));
  const manifest = {
    id: 'seimon-starter-test',
    displayName: 'Starter (test)',
    file: 'starter-test.onnx',
    sha256: await sha256File(source),
    preset: '3dspeaker',
    windowSeconds: 3,
    hopSeconds: 1.5,
    ...(eerBySpeech === undefined ? {} : { eerBySpeech }),
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const facts = { calibrated: true, cohort: true, references: [], voiceprintSpeechSeconds: 60, clips: [], clipSpeechSeconds: 1.4 };

describe('measured EER by speech length in the bundled manifest', () => {
  it('is registered with the model, stored in the database, and stated by the caveat', async () => {
    ctx = freshCore();
    const r = await registerBundledModels(ctx, await makeBundle(TABLE));
    expect(r.failed).toEqual([]);
    const [model] = listModels(ctx.db);
    expect(model?.eerBySpeech).toEqual(TABLE);
    // Read back from the row's JSON, not from the object registration returned.
    const row = ctx.db.prepare('SELECT manifest FROM models WHERE id = ?').get('seimon-starter-test') as { manifest: string };
    expect(JSON.parse(row.manifest).eerBySpeech).toEqual(TABLE);
    const [ja] = comparisonCaveats({ ...facts, speechEer: model?.eerBySpeech ?? null }, 'ja');
    expect(ja).toContain('テスト話者での測定では、発話 1 秒以上 2 秒未満の等価誤り率（EER）は 6.5 %');
    // A later start with the same manifest changes nothing.
    await registerBundledModels(ctx, await makeBundle(TABLE));
    expect(listAudit(ctx.db).filter((a) => a.action === 'model.speech-eer')).toHaveLength(1);
  });

  it('is adopted by an install registered before the manifest carried it, and follows a revised table', async () => {
    ctx = freshCore();
    await registerBundledModels(ctx, await makeBundle());
    const before = listModels(ctx.db)[0];
    expect(before?.eerBySpeech).toBeUndefined();
    expect(comparisonCaveats({ ...facts, speechEer: before?.eerBySpeech ?? null }, 'en')[0]).toContain('This model has no measured error rate for short speech.');
    const again = await registerBundledModels(ctx, await makeBundle(TABLE));
    expect(again).toMatchObject({ registered: [], present: [{ id: 'seimon-starter-test', eerBySpeech: TABLE }] });
    expect(listModels(ctx.db)[0]?.eerBySpeech).toEqual(TABLE);
    const revised = { ...TABLE, rows: TABLE.rows.map((r) => ({ ...r, eerPercent: r.eerPercent + 1 })) };
    await registerBundledModels(ctx, await makeBundle(revised));
    expect(listModels(ctx.db)[0]?.eerBySpeech?.rows[0]?.eerPercent).toBe(13);
    const audits = listAudit(ctx.db).filter((a) => a.action === 'model.speech-eer');
    expect(audits.map((a) => a.details)).toEqual([
      expect.objectContaining({ source: 'bundled', rows: 3, replaced: false }),
      expect.objectContaining({ source: 'bundled', rows: 3, replaced: true }),
    ]);
    // A manifest without the table leaves the stored one alone.
    await registerBundledModels(ctx, await makeBundle());
    expect(listModels(ctx.db)[0]?.eerBySpeech?.rows[0]?.eerPercent).toBe(13);
  });

  it('refuses a bundle whose table is malformed with MODEL_SPEECH_EER_INVALID, changing nothing', async () => {
    ctx = freshCore();
    const overlapping = { ...TABLE, rows: [TABLE.rows[0], { seconds: 0.8, upTo: 2, eerPercent: 6 }] };
    const fresh = await registerBundledModels(ctx, await makeBundle(overlapping));
    expect(fresh.failed).toEqual([expect.objectContaining({ code: 'MODEL_SPEECH_EER_INVALID', message: expect.stringContaining('row 2 (0.8-2 s) overlaps row 1 (0.5-1 s)') })]);
    expect(listModels(ctx.db)).toEqual([]);
    // Registered with a good table, then an update ships a bad one: the stored table stays.
    await registerBundledModels(ctx, await makeBundle(TABLE));
    const bad = await registerBundledModels(ctx, await makeBundle({ ...TABLE, rows: [{ seconds: 1, upTo: 2, eerPercent: 140 }] }));
    expect(bad.failed).toEqual([expect.objectContaining({ code: 'MODEL_SPEECH_EER_INVALID', message: expect.stringContaining('eerBySpeech.rows.0.eerPercent') })]);
    expect(listModels(ctx.db)[0]?.eerBySpeech).toEqual(TABLE);
  });

  it('the starter bundle carries the figures the model card states (TEST half, v2, app now)', async () => {
    ctx = freshCore();
    const r = await registerBundledModels(ctx, path.join(REPO_ROOT, 'models', 'starter'));
    expect(r.failed).toEqual([]);
    const table = listModels(ctx.db)[0]?.eerBySpeech;
    expect(table?.rows).toEqual([
      { seconds: 0.5, upTo: 1, eerPercent: 10.7 },
      { seconds: 1, upTo: 1.5, eerPercent: 5.9 },
      { seconds: 1.5, upTo: 2, eerPercent: 2.8 },
      { seconds: 2, upTo: 3, eerPercent: 2.6 },
      { seconds: 3, upTo: 5, eerPercent: 2.2 },
    ]);
    expect(table?.provenance).toContain('TEST half');
    const card = fs.readFileSync(path.join(REPO_ROOT, 'models', 'starter', 'MODEL_CARD.md'), 'utf8');
    for (const [range, eer] of [['0.5-1 s', 10.7], ['1-1.5 s', 5.9], ['1.5-2 s', 2.8], ['2-3 s', 2.6], ['3-5 s', 2.2]] as const)
      expect(card).toMatch(new RegExp(`\\| ${range.replace('.', '\\.')} \\| [^|]+\\| [^|]+\\| ${eer.toFixed(1).replace('.', '\\.')} % \\|`));
  });
});
