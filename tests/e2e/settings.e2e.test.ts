import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { chromiumMissing, launchBrowser, openApp, rendererMissing } from './harness.js';

const skip = chromiumMissing ?? rendererMissing;
if (skip) console.warn(`[e2e settings] skipped: ${skip}`);

describe.skipIf(skip !== null)('settings: models', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the bundled, calibrated starter model and asks for the front-end of a model without metadata', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('button', { name: '設定', exact: true }).click();
    const models = page.getByTestId('models');
    await models.getByText('seimon-starter-v2').waitFor();
    expect(await models.getByText('校正済み').count()).toBe(1);

    await page.locator('[data-testid=file-input]').setInputFiles(path.join(REPO_ROOT, 'fixtures', 'models', 'good-nometa.onnx'));
    const prompt = page.getByRole('alertdialog');
    await prompt.getByText(/前処理の情報（メタデータ）がありません/).waitFor();
    await prompt.getByLabel('前処理').selectOption('wespeaker');
    await prompt.getByRole('button', { name: 'ONNX ファイルを取り込む' }).click();
    await expect.poll(() => models.locator('li').count()).toBe(2);
    expect(await models.getByText(/前処理 wespeaker/).count()).toBe(1);
    const row = app.ctx.db.prepare("SELECT preset FROM models WHERE bundled = 0").get() as { preset: string };
    expect(row.preset).toBe('wespeaker');
    await app.close();
  });
});
