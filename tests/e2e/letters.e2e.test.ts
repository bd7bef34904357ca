/**
 * Letters that never overstate, end to end in Chromium against the real core and real SQLite: facts
 * and grounds saved on the case, a contradicted ground blocking export (buttons disabled, the list
 * shown), an AI voice service added as an operator receiving a guideline-form request and a 警告書,
 * the IDPA request refused for it, a URL off the recipient's services confirmed, and a clock from receipt.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../src/api/invoke.js';
import type { InputOf, OperationName, OutputOf } from '../../src/api/contract.js';
import type { CoreContext } from '../../src/core/context.js';
import { syntheticClip } from '../integration/letters/helpers.js';
import { chromiumMissing, launchBrowser, openApp, rendererMissing, screenshot } from './harness.js';
import type { AppSession } from './harness.js';

const skip = chromiumMissing ?? rendererMissing;
if (skip) console.warn(`[e2e letters] skipped: ${skip}`);

async function op<K extends OperationName>(ctx: CoreContext, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const r = await invoke<K>(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function paint(page: Page): Promise<void> {
  // Dismiss the notices so they do not cover the picture.
  const close = page.locator('.notices .notice button');
  while ((await close.count()) > 0) await close.first().click();
  await page.evaluate(() => {
    const raf = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void }).requestAnimationFrame;
    return new Promise<void>((r) => raf(() => raf(r)));
  });
}

describe.skipIf(skip !== null)('letters gated by the case facts (Chromium, real core)', () => {
  let browser: Browser;
  let app: AppSession;
  const title = '青木 葵 × にせボイス「あおい」';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, { viewport: { width: 1280, height: 1000 } });
    const { ctx } = app;
    const p = await op(ctx, 'performers.create', { name: '青木 葵', kana: 'あおき あおい', romaji: 'Aoi Aoki', agency: '声紋プロダクション' });
    const s = await op(ctx, 'suspects.create', { kind: 'voice_model', label: 'あおい', service: 'にせボイス', url: 'https://voices.example.jp/characters/42', capturedAt: '2026-11-20' });
    await op(ctx, 'suspects.importClip', { suspectId: s.id, name: 'sample.wav', bytes: syntheticClip() });
    await op(ctx, 'cases.create', { performerIds: [p.id], suspectIds: [s.id], title });
    await op(ctx, 'letters.setRequester', { name: '青木 葵', address: '東京都渋谷区代々木1-1-1', email: 'aoi@example.jp' });
    await app.reload();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('saves facts and grounds on the case; a contradicted ground shows in the summary', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: '案件', exact: true }).click();
    await page.getByRole('button', { name: title }).click();
    const legal = page.getByTestId('case-legal');
    await legal.locator('[data-fact=harmsReputation]').selectOption('yes');
    await legal.locator('[data-fact=usedActualRecordings]').selectOption('no');
    await legal.locator('[data-ground=defamation] input').check();
    await legal.locator('[data-ground=performers-rights] input').check();
    await legal.getByRole('button', { name: '保存' }).click();
    await legal.locator('[data-ground=performers-rights]').getByText('事実と矛盾（書き出し不可）').waitFor();
    await legal.locator('[data-ground=defamation]').getByText('確認済み').waitFor();
    await page.getByTestId('case-grounds').getByText('名誉毀損').waitFor();
    expect(await page.getByTestId('case-grounds').getByText('実演家の権利（録音権・送信可能化権）').count()).toBe(1);
    await legal.getByText('変更履歴 (1)').waitFor();
    await legal.scrollIntoViewIfNeeded();
    await paint(page);
    await screenshot(page, 'letters-facts');
  });

  it('adds the AI voice service as an operator; the IDPA request is refused; export stays blocked with the list', { timeout: 120_000 }, async () => {
    const { page } = app;
    const letters = page.getByTestId('letters');
    const form = letters.getByTestId('operator-form');
    await form.locator('summary').click();
    await form.locator('input[name=operator-name]').fill('にせボイス');
    await form.locator('input[name=operator-company]').fill('架空AI株式会社');
    await form.locator('input[name=operator-hosts]').fill('voices.example.jp');
    await form.getByRole('button', { name: '追加する' }).click();
    await page.getByText('にせボイス を追加しました').waitFor();
    expect(await letters.getByTestId('letter-platform').inputValue()).toMatch(/^op_/);

    await letters.getByTestId('letter-regime').selectOption('idpa');
    await letters.getByRole('button', { name: '依頼書を作成' }).click();
    await page.getByText('大規模特定電気通信役務提供者に指定されていないため').waitFor();

    await letters.getByTestId('letter-regime').selectOption('guideline');
    await letters.getByRole('button', { name: '依頼書を作成' }).click();
    const editor = page.getByTestId('letter-editor');
    const blockers = editor.getByTestId('letter-blockers');
    await blockers.getByText(/「実演家の権利（録音権・送信可能化権）」は案件の事実と矛盾します/).waitFor();
    for (const f of ['PDF', 'DOCX', 'TXT']) expect(await editor.getByRole('button', { name: `${f} を書き出す` }).isDisabled()).toBe(true);
    await blockers.scrollIntoViewIfNeeded();
    await paint(page);
    await screenshot(page, 'letter-blocked');
  });

  it('exports the guideline-form request and a 警告書 once the grounds fit; the clock counts from receipt', { timeout: 120_000 }, async () => {
    const { page } = app;
    const legal = page.getByTestId('case-legal');
    await legal.locator('[data-ground=performers-rights] input').uncheck();
    await legal.locator('[data-fact=operatorIsPoster]').selectOption('yes');
    await legal.getByRole('button', { name: '保存' }).click();
    await legal.getByText('変更履歴 (2)').waitFor();

    // The open letter follows the case: its blocker list goes away without drafting again.
    const letters = page.getByTestId('letters');
    const editor = page.getByTestId('letter-editor');
    await editor.getByTestId('letter-blockers').waitFor({ state: 'detached' });
    await editor.getByText('この依頼書の根拠:').waitFor();
    expect(await editor.locator('#field-rights').inputValue()).toBe('名誉権');
    const [pdf] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'PDF を書き出す' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/-guideline-ja\.pdf$/);
    await editor.locator('li', { hasText: '印鑑登録証明書（押印する場合）' }).waitFor();
    await editor.locator('.letter-field').first().scrollIntoViewIfNeeded();
    await paint(page);
    await screenshot(page, 'letter-ai-service');

    await letters.getByTestId('letter-regime').selectOption('warning');
    await letters.getByRole('button', { name: '依頼書を作成' }).click();
    await editor.getByRole('heading', { name: '警告書' }).waitFor();
    const [warn] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'PDF を書き出す' }).click()]);
    expect(warn.suggestedFilename()).toMatch(/-warning-ja\.pdf$/);
    const send = editor.getByTestId('send-panel');
    await send.locator('input[type=datetime-local]').fill('2026-11-27T10:00');
    await send.locator('select').selectOption('registered-post');
    await send.getByRole('button', { name: '送付済みにする' }).click();
    await editor.getByText('2026-12-13 24:00（日本時間）まで').waitFor(); // received 29 Nov + 14 days, first day excluded
    await editor.getByText('期間は受領日の翌日から数えます（民法第140条、初日不算入）。').scrollIntoViewIfNeeded();
    await paint(page);
    await screenshot(page, 'letter-clock');

    // An English letter in the Japanese UI: the letter is English, the clock the UI shows stays Japanese.
    await letters.getByRole('combobox', { name: '言語' }).selectOption('en');
    await letters.getByRole('button', { name: '依頼書を作成' }).click();
    await editor.getByRole('heading', { name: 'Cease-and-desist letter' }).or(editor.getByRole('heading', { name: '警告書' })).first().waitFor();
    const [warnEn] = await Promise.all([page.waitForEvent('download'), editor.getByRole('button', { name: 'PDF を書き出す' }).click()]);
    expect(warnEn.suggestedFilename()).toMatch(/-warning-en\.pdf$/);
    await send.locator('input[type=datetime-local]').fill('2026-11-27T10:00');
    await send.locator('select').selectOption('registered-post');
    await send.getByRole('button', { name: '送付済みにする' }).click();
    await editor.getByText('警告書への回答期限', { exact: false }).first().waitFor();
    expect(await editor.getByText('Reply to the cease-and-desist letter').count()).toBe(0);
  });
});
