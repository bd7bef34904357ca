import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, openApp, rendererMissing, screenshot } from './harness.js';

const skip = chromiumMissing ?? rendererMissing;
if (skip) console.warn(`[e2e] skipped: ${skip}`);

describe.skipIf(skip !== null)('text that would display reversed is flagged in the UI', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a name with U+202E is refused at its field with a message of its own; nothing is written', async () => {
    const app = await openApp(browser);
    const { page } = app;
    await page.getByRole('button', { name: '出演者を追加' }).click();
    await page.getByLabel('氏名（漢字）').fill('山田 \u202E子花');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('#performer-name-error').textContent()).toContain('U+202E');
    expect(await page.getByLabel('氏名（漢字）').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'performer-form-bidi');
    const count = app.ctx.db.prepare('SELECT COUNT(*) AS n FROM performers').get() as { n: number };
    expect(count.n).toBe(0);
    await app.close();
  });
});
