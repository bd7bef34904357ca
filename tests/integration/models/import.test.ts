import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { importModelFile } from '../../../src/models/import.js';
import {
  getDefaultModel,
  getModel,
  openVerifiedModel,
  setDefaultModel,
} from '../../../src/models/registry.js';
import { verifyAllModels } from '../../../src/models/verify.js';
import { modelFilePath } from '../../../src/models/paths.js';
import { listAudit, verifyAuditChain } from '../../../src/store/audit.js';
import { listModels } from '../../../src/store/models.js';
import { freshDataDir } from '../../helpers/paths.js';
import { closeCore, expectCode, filesUnder, fixture, freshCore } from './helpers.js';

let ctx: CoreContext;
afterEach(() => closeCore(ctx));

const modelsFolder = () => path.join(ctx.dataDir, 'models');

describe('importing a local model file', () => {
  it('accepts a valid model with sherpa-onnx metadata and chooses the preset from it', async () => {
    ctx = freshCore();
    const we = await importModelFile(ctx, fixture('good-wespeaker'));
    expect(we.alreadyInstalled).toBe(false);
    expect(we.model).toMatchObject({
      id: 'good-wespeaker',
      preset: 'wespeaker',
      inputName: 'feats',
      outputName: 'embs',
      inputShape: ['batch', 'frames', 80],
      outputShape: ['batch', 16],
      embeddingDim: 16,
      windowSeconds: 3,
      hopSeconds: 1.5,
      sampleRate: 16000,
      language: 'English',
      calibration: null,
      bundled: false,
      isDefault: true,
    });
    expect(we.model.metadata).toMatchObject({
      framework: 'wespeaker',
      normalize_samples: '0',
      output_dim: '16',
    });
    const d3 = await importModelFile(ctx, fixture('good-3dspeaker'), { displayName: 'CAM++ 試験' });
    expect(d3.model).toMatchObject({
      preset: '3dspeaker',
      windowSeconds: 2,
      displayName: 'CAM++ 試験',
      isDefault: false,
    });
  });

  it('stores the file content-addressed and records size, SHA-256 and an audit entry', async () => {
    ctx = freshCore();
    const { model } = await importModelFile(ctx, fixture('good-wespeaker'));
    const bytes = fs.readFileSync(fixture('good-wespeaker'));
    expect(model.sizeBytes).toBe(bytes.length);
    expect(model.file).toBe(`${model.sha256}.onnx`);
    expect(fs.readFileSync(modelFilePath(ctx.dataDir, model)).equals(bytes)).toBe(true);
    expect(filesUnder(modelsFolder())).toEqual([modelFilePath(ctx.dataDir, model)]);
    const audit = listAudit(ctx.db, { objectId: model.id });
    expect(audit[0]).toMatchObject({ action: 'model.import', details: { sha256: model.sha256 } });
    expect(verifyAuditChain(ctx.db).ok).toBe(true);
  });

  it('asks for a preset when the model has no metadata, and takes an explicit one', async () => {
    ctx = freshCore();
    const e = await expectCode(
      () => importModelFile(ctx, fixture('good-nometa')),
      'MODEL_PRESET_REQUIRED',
    );
    expect(e.message).toMatch(/wespeaker.*3dspeaker/);
    expect(filesUnder(modelsFolder())).toEqual([]);
    await expectCode(
      () => importModelFile(ctx, fixture('good-nometa'), { preset: 'kaldi' }),
      'MODEL_BAD_PRESET',
    );
    const r = await importModelFile(ctx, fixture('good-nometa'), { preset: '3dspeaker' });
    expect(r.model.preset).toBe('3dspeaker');
  });

  it.each([
    [
      'a text file',
      'MODEL_NOT_ONNX',
      (f: string) => fs.writeFileSync(f, 'hello, this is not a model\n'.repeat(20)),
    ],
    ['an empty file', 'MODEL_NOT_ONNX', (f: string) => fs.writeFileSync(f, '')],
    [
      'a truncated model',
      'MODEL_NOT_ONNX',
      (f: string) =>
        fs.writeFileSync(f, fs.readFileSync(fixture('good-wespeaker')).subarray(0, 3000)),
    ],
  ])('refuses %s as not ONNX and leaves nothing behind', async (_label, code, make) => {
    ctx = freshCore();
    const file = path.join(freshDataDir('seimon-src'), 'model.onnx');
    make(file);
    await expectCode(() => importModelFile(ctx, file), code);
    expect(filesUnder(modelsFolder())).toEqual([]);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('refuses graphs of the wrong shape with the reason', async () => {
    ctx = freshCore();
    const rank = await expectCode(
      () => importModelFile(ctx, fixture('wrong-rank')),
      'MODEL_BAD_SHAPE',
    );
    expect(rank.message).toContain('[batch, frames, 16]');
    const bins = await expectCode(
      () => importModelFile(ctx, fixture('wrong-input')),
      'MODEL_BAD_SHAPE',
    );
    expect(bins.message).toContain('40 features per frame');
    expect(filesUnder(modelsFolder())).toEqual([]);
  });

  it('refuses a model whose output contains NaN', async () => {
    ctx = freshCore();
    await expectCode(() => importModelFile(ctx, fixture('nan-output')), 'MODEL_NAN_OUTPUT');
    expect(filesUnder(modelsFolder())).toEqual([]);
    expect(listModels(ctx.db)).toEqual([]);
  });

  it('refuses a missing source file', async () => {
    ctx = freshCore();
    await expectCode(() => importModelFile(ctx, '/nonexistent/model.onnx'), 'MODEL_FILE_NOT_FOUND');
  });

  it('is idempotent: the same bytes twice give one registration', async () => {
    ctx = freshCore();
    const a = await importModelFile(ctx, fixture('good-wespeaker'));
    const b = await importModelFile(ctx, fixture('good-wespeaker'), { displayName: 'again' });
    expect(b).toMatchObject({ alreadyInstalled: true, model: { id: a.model.id } });
    expect(listModels(ctx.db)).toHaveLength(1);
    expect(filesUnder(modelsFolder())).toHaveLength(1);
  });
});

describe('using a registered model', () => {
  it('opens a verified model by id, sha256 or as the default, and audits the check', async () => {
    ctx = freshCore();
    await expectCode(() => getDefaultModel(ctx), 'MODEL_NO_DEFAULT');
    const { model } = await importModelFile(ctx, fixture('good-wespeaker'));
    const v = openVerifiedModel(ctx);
    expect(v.model.id).toBe(model.id);
    expect(Buffer.from(v.bytes).equals(fs.readFileSync(fixture('good-wespeaker')))).toBe(true);
    expect(openVerifiedModel(ctx, model.sha256).path).toBe(v.path);
    expect(listAudit(ctx.db, { objectId: model.id }).map((a) => a.action)).toEqual([
      'model.import',
      'model.verify',
      'model.verify',
    ]);
    await expectCode(() => getModel(ctx, 'nope'), 'MODEL_NOT_FOUND');
  });

  it('refuses a model file changed on disk after registration, and a reinstall repairs it', async () => {
    ctx = freshCore();
    const { model } = await importModelFile(ctx, fixture('good-wespeaker'));
    const file = modelFilePath(ctx.dataDir, model);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10]! ^= 0xff;
    fs.writeFileSync(file, bytes);
    const e = await expectCode(() => openVerifiedModel(ctx, model.id), 'MODEL_HASH_MISMATCH');
    expect(e.message).toContain('the model file changed on disk after registration; reinstall it');
    const checks = await verifyAllModels(ctx);
    expect(checks).toEqual([expect.objectContaining({ id: model.id, status: 'mismatch' })]);
    const audit = listAudit(ctx.db, { objectId: model.id });
    expect(audit.at(-1)).toMatchObject({
      action: 'model.verify',
      details: { status: 'mismatch', sha256: model.sha256 },
    });
    // Reinstalling the same bytes restores the file.
    const again = await importModelFile(ctx, fixture('good-wespeaker'));
    expect(again.alreadyInstalled).toBe(true);
    expect(openVerifiedModel(ctx, model.id).model.id).toBe(model.id);
  });

  it('reports a deleted model file as missing', async () => {
    ctx = freshCore();
    const { model } = await importModelFile(ctx, fixture('good-wespeaker'));
    fs.rmSync(modelFilePath(ctx.dataDir, model));
    await expectCode(() => openVerifiedModel(ctx, model.id), 'MODEL_FILE_MISSING');
    expect((await verifyAllModels(ctx))[0]?.status).toBe('missing');
  });

  it('switches the default model, keeping exactly one', async () => {
    ctx = freshCore();
    const a = await importModelFile(ctx, fixture('good-wespeaker'));
    const b = await importModelFile(ctx, fixture('good-3dspeaker'));
    expect(getDefaultModel(ctx).id).toBe(a.model.id);
    setDefaultModel(ctx, b.model.id);
    expect(getDefaultModel(ctx).id).toBe(b.model.id);
    expect(listModels(ctx.db).filter((m) => m.isDefault)).toHaveLength(1);
  });
});
