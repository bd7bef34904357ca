/**
 * The Capture action on the suspect page, end to end: Chromium shows the app bound to the real core,
 * and the core captures a loopback page with a second, isolated Chromium (the CLI's launcher).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLauncher } from '../../src/cli/capture-browser.js';
import { listCaptures } from '../../src/store/captures.js';
import { listSuspects } from '../../src/store/suspects.js';
import { startCaptureSite } from '../helpers/capture-site.js';
import type { CaptureSite } from '../helpers/capture-site.js';
import { SCREENSHOT_DIR, chromiumMissing, launchBrowser, openApp, rendererMissing } from './harness.js';
import { freshDataDir } from '../helpers/paths.js';
import { hasEspeak, speech } from '../integration/workbench/helpers.js';
import type { AppSession } from './harness.js';

const skip = chromiumMissing ?? rendererMissing;
if (skip) console.warn(`[e2e capture] skipped: ${skip}`);

describe.skipIf(skip !== null)('capturing a page from the suspect page', () => {
  let browser: Browser;
  let app: AppSession;
  let site: CaptureSite;

  beforeAll(async () => {
    // Japanese speech on the page when espeak-ng is installed (a plain tone otherwise).
    const voice = hasEspeak ? fs.readFileSync(speech(freshDataDir('seimon-e2e-capture'), 'voice.wav', 'こんにちは、新しいボイスのサンプルです。よろしくお願いします。', 'ja')) : undefined;
    site = await startCaptureSite({ voice });
    browser = await launchBrowser();
    app = await openApp(browser, { language: 'ja', viewport: { width: 1280, height: 1200 } });
    app.ctx.browser = chromiumLauncher();
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    await site?.close();
  });

  it('asks before capturing a loopback address, then shows the capture, the prefilled fields and fetches the media', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '疑わしい音声', exact: true }).click();
    await page.getByRole('button', { name: '疑わしい音声を登録' }).click();
    await page.getByLabel('名称').fill('AIボイス「ミナト」');
    await page.getByLabel('サービス').fill('ボイスシェア');
    await page.getByLabel('URL', { exact: true }).fill(`${site.http}/start`);
    await page.getByRole('button', { name: '保存' }).click();
    const card = page.locator('article.card', { hasText: 'AIボイス「ミナト」' });
    await expect(card.getByLabel('見つかったページのアドレス').inputValue()).resolves.toBe(`${site.http}/start`);

    await card.getByRole('button', { name: 'ページを取得' }).click();
    const confirm = card.getByRole('alertdialog');
    await confirm.getByText('自分のネットワーク内のアドレスです').waitFor();
    expect(listCaptures(app.ctx.db, listSuspects(app.ctx.db)[0]!.id)).toEqual([]); // nothing until confirmed
    await confirm.getByRole('button', { name: 'このまま取得する' }).click();
    const capture = card.locator('[data-capture-id]');
    await capture.waitFor({ timeout: 90_000 });
    await capture.getByRole('img', { name: `${site.http}/page のスクリーンショット` }).waitFor();
    await expect(capture.getByText(`${site.http}/page`, { exact: true }).count()).resolves.toBe(1);
    await capture.getByText('タイムスタンプなし（時刻はこのコンピュータの時計）').waitFor();

    const fields = card.locator('.page-fields');
    await fields.locator('[data-field=postTitle]').getByText('新作AIボイス「ミナト」サンプル').waitFor();
    // Five fields were empty; the URL the user typed stays, with what the page says beside it.
    await expect(fields.getByText('ページから', { exact: true }).count()).resolves.toBe(5);
    await card.locator('.differing').getByText(`URL: ページの記載: ${site.http}/page（入力済みの値を残しました）`).waitFor();
    await fields.locator('[data-field=postTitle]').getByRole('button', { name: '確認' }).click();
    await fields.locator('[data-field=postTitle]').getByText('確認済み').waitFor();
    await fields.locator('[data-field=uploader]').getByRole('button', { name: '編集' }).click();
    await fields.locator('[data-field=uploader]').getByRole('textbox').fill('voice_uploader_42（本人確認済み）');
    await fields.locator('[data-field=uploader]').getByRole('button', { name: '保存' }).click();
    await fields.locator('[data-field=uploader]').waitFor({ state: 'detached' }); // no longer "from the page"
    await fields.getByText('変更履歴').click();
    await fields.getByText(/voice_uploader_42 → voice_uploader_42（本人確認済み） \(手入力, app\)/).waitFor();

    const media = capture.locator('.capture-media').first();
    await media.getByRole('button', { name: 'クリップに取り込む' }).click();
    await media.getByText('取り込み済み').waitFor({ timeout: 60_000 });
    await card.getByText('voice.wav', { exact: true }).waitFor();
    const s = listSuspects(app.ctx.db)[0]!;
    expect(s.clips.map((c) => c.originalName)).toEqual(['voice.wav']);
    expect(s.uploader).toBe('voice_uploader_42（本人確認済み）');

    while ((await page.locator('.notice button').count()) > 0) await page.locator('.notice button').first().click();
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'capture.png');
    await card.locator('.capture-panel').screenshot({ path: file });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  }, 180_000);
});
