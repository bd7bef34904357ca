import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, openApp, rendererMissing, screenshot } from './harness.js';

const skip = chromiumMissing ?? rendererMissing;
if (skip) console.warn(`[e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)('performers page in Chromium against the real core', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds a performer with Japanese text, keeps it across a reload, and stores it in SQLite', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByTestId('performers-empty').waitFor();
    await screenshot(page, 'performers-empty');

    await page.getByRole('button', { name: '出演者を追加' }).click();
    await page.getByLabel('氏名（漢字）').fill('山田花子');
    await page.getByLabel('よみがな').fill('やまだはなこ');
    await page.getByLabel('ローマ字').fill('Yamada Hanako');
    await page.getByLabel('所属事務所').fill('青空プロダクション');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '山田花子', exact: true }).waitFor();

    await page.getByRole('button', { name: '出演者を追加' }).click();
    await page.getByLabel('氏名（漢字）').fill('佐藤一郎');
    await page.getByLabel('よみがな').fill('さとういちろう');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '佐藤一郎', exact: true }).waitFor();
    await screenshot(page, 'performers');

    await app.reload();
    await page.getByRole('cell', { name: '山田花子', exact: true }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);

    const db = new Database(path.join(app.dataDir, 'seimon.sqlite'), { readonly: true });
    const row = db.prepare('SELECT name, kana, romaji, agency FROM performers WHERE name = ?').get('山田花子');
    db.close();
    expect(row).toEqual({ name: '山田花子', kana: 'やまだはなこ', romaji: 'Yamada Hanako', agency: '青空プロダクション' });
    await app.close();
  });

  it('shows the validation message next to the field and writes nothing', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('button', { name: '出演者を追加' }).click();
    await page.getByLabel('氏名（漢字）').fill('   ');
    await page.getByLabel('よみがな').fill('x'.repeat(201));
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#performer-name-error').textContent()).toBe('入力してください');
    expect(await page.locator('#performer-kana-error').textContent()).toBe('200 文字以内で入力してください');
    expect(await page.getByLabel('氏名（漢字）').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'performer-form-errors');
    const count = app.ctx.db.prepare('SELECT COUNT(*) AS n FROM performers').get() as { n: number };
    expect(count.n).toBe(0);
    await app.close();
  });

  it('edits and removes a performer after confirmation, in English', async () => {
    const app = await openApp(browser, { language: 'en' });
    const { page } = app;
    await page.getByRole('button', { name: 'Add performer' }).click();
    await page.getByLabel('Name (kanji)').fill('鈴木 綾');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit: 鈴木 綾' }).click();
    await page.getByLabel('Agency').fill('Sakura Voice');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'Sakura Voice', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Remove: 鈴木 綾' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page.getByTestId('performers-empty').waitFor();
    const actions = app.ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'performer.%' ORDER BY seq").all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['performer.create', 'performer.update', 'performer.remove']);
    await app.close();
  });
});
