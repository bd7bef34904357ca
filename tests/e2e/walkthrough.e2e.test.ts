/**
 * The workbench as staff use it (issue 17), in Chromium against the real core, real SQLite, the bundled
 * starter model and real speech of held-out speakers: each item the first walkthrough found is checked
 * here as the user meets it, in Japanese first and then in English.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_SKIP_MESSAGE, freshDataDir, hasShared } from '../helpers/paths.js';
import { chromiumMissing, launchBrowser, openApp, rendererMissing, screenshot } from './harness.js';
import type { AppSession } from './harness.js';
import { heldOutSpeakers, speakerSamples, writePiece } from './speech-pieces.js';
import { asciiSentences } from './ascii-sentences.js';
import { invoke } from '../../src/api/invoke.js';

const skip = chromiumMissing ?? rendererMissing ?? (hasShared ? null : SHARED_SKIP_MESSAGE);
if (skip) console.warn(`[e2e walkthrough] skipped: ${skip}`);

/** Two animation frames: canvases have painted. */
const painted = (page: Page) =>
  page.evaluate(() => {
    const raf = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void }).requestAnimationFrame;
    return new Promise<void>((r) => raf(() => raf(r)));
  });

/** The accessible text of whatever has focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const d = globalThis as unknown as { document: { activeElement: { tagName: string; textContent: string | null } | null } };
    return { tag: d.document.activeElement?.tagName ?? '', text: (d.document.activeElement?.textContent ?? '').trim() };
  });

/** Every visible control outside the notices that a notice's box overlaps. */
const coveredControls = (page: Page) =>
  page.evaluate(() => {
    type Box = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    type El = { getBoundingClientRect(): Box; closest(s: string): El | null; outerHTML: string };
    const d = globalThis as unknown as { document: { querySelectorAll(s: string): El[] } };
    const notes = [...d.document.querySelectorAll('.notice')].map((n) => n.getBoundingClientRect());
    const hits: string[] = [];
    for (const c of d.document.querySelectorAll('button, select, input, textarea, a[href], audio')) {
      if (c.closest('.notices')) continue;
      const b = c.getBoundingClientRect();
      if (b.width === 0 || b.height === 0) continue;
      for (const n of notes) if (b.left < n.right && b.right > n.left && b.top < n.bottom && b.bottom > n.top) hits.push(c.outerHTML.slice(0, 80));
    }
    return hits;
  });

describe.skipIf(skip !== null)('the workbench as staff use it (issue 17)', () => {
  let browser: Browser;
  let app: AppSession;
  const work = freshDataDir('seimon-e2e-walk');
  const f: Record<string, string> = {};

  beforeAll(async () => {
    // The three longest held-out utterances: A (references and a matching voice), B (references), C (an unknown voice).
    const speakers = await Promise.all(heldOutSpeakers().map(async (s) => ({ s, samples: await speakerSamples(s) })));
    speakers.sort((x, y) => y.samples.length - x.samples.length);
    const [a, b, c] = speakers.map((x) => x.samples);
    if (!a || !b || !c || a.length < 15.5 * 16000) throw new Error('need three held-out utterances, the longest 15.5 s or more');
    const w = (name: string, s: Float32Array, from: number, sec: number) => (f[name] = writePiece(s, path.join(work, name), from, sec));
    for (let i = 0; i < 3; i++) {
      w(`a-ref-${i}.wav`, a, 3 * i, 3);
      w(`b-ref-${i}.wav`, b, 3 * i, 3);
    }
    w('a-clip-long.wav', a, 9, 6.5);
    w('a-clip-short.wav', a, 12.5, 3);
    for (let i = 0; i < 4; i++) w(`c-clip-${i}.wav`, c, 3 * i, 3);
    w('tiny.wav', a, 1, 0.4);
    f['broken.wav'] = path.join(work, 'broken.wav');
    fs.writeFileSync(f['broken.wav'], Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEjunk junk junk'));
    browser = await launchBrowser();
    app = await openApp(browser, { language: 'ja' });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('skip link, focus after dialogs and page changes, performer status, playback, localised notices that fade and never cover controls (items 3, 6, 10)', { timeout: 240_000 }, async () => {
    const { page } = app;
    // 10: the first Tab reaches the skip link, which moves focus into the page.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'A', text: '本文へスキップ' });
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('MAIN');

    for (const [name, kana] of [['山田花子', 'やまだはなこ'], ['佐藤一郎', 'さとういちろう']] as const) {
      await page.getByRole('button', { name: '出演者を追加' }).click();
      await page.getByLabel('氏名（漢字）').fill(name);
      await page.getByLabel('よみがな').fill(kana);
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('cell', { name, exact: true }).waitFor();
      // 10: focus goes back to the button that opened the dialog, not to <body>.
      await expect.poll(() => focused(page)).toEqual({ tag: 'BUTTON', text: '出演者を追加' });
    }
    // 6: the list says who has no voiceprint yet.
    const row = page.locator('tr', { hasText: '山田花子' });
    expect(await row.getByTestId('performer-status').textContent()).toContain('声紋なし');

    await page.getByRole('button', { name: '詳細: 山田花子' }).click();
    // 10: opening a performer puts focus on their heading.
    await expect.poll(() => focused(page)).toEqual({ tag: 'H1', text: '山田花子' });

    // 3 and 6: a 0.4 s file and a broken file are refused, each with a Japanese sentence, no code.
    await page.locator('[data-testid=file-input]').setInputFiles([f['a-ref-0.wav'], f['a-ref-1.wav'], f['a-ref-2.wav'], f['tiny.wav'], f['broken.wav']] as string[]);
    await expect.poll(() => page.locator('[data-testid=reference-list] li').count(), { timeout: 60_000 }).toBe(3);
    const tiny = page.locator('.notice', { hasText: 'tiny.wav' });
    await tiny.waitFor();
    expect(await tiny.textContent()).toContain('0.5 秒以上の発話が必要');
    const notices = (await page.getByTestId('notices').textContent()) ?? '';
    expect(notices).toContain('broken.wav');
    expect(notices).not.toMatch(/[A-Z]{3,}_[A-Z_]+|INVALID|AUDIO/);
    // 3: notices sit in the page's flow: no control is covered, the language selector included.
    expect(await coveredControls(page)).toEqual([]);
    await screenshot(page, 'walk-notices');
    // 3: they fade on their own (errors after 10 s).
    await page.locator('.notice').first().waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => page.locator('.notice').count(), { timeout: 15_000 }).toBe(0);

    // 6: the voiceprint card warns about total speech where it is built (9 s of the 30 s target).
    expect(await page.getByTestId('speech-total').textContent()).toMatch(/30 秒以上/);
    // 6: a reference can be played; the Remove button keeps its own height.
    const first = page.locator('[data-testid=reference-list] li').first();
    await first.getByRole('button', { name: /^再生: / }).click();
    await first.getByTestId('reference-player').waitFor();
    expect(await first.getByTestId('reference-player').getAttribute('src')).toMatch(/^blob:/);
    const removeBox = await first.getByRole('button', { name: /^削除: / }).boundingBox();
    expect(removeBox?.height ?? 99).toBeLessThan(40);

    await page.getByRole('button', { name: '声紋を作成' }).click();
    await page.locator('[data-testid=voiceprints] li').first().waitFor({ timeout: 90_000 });
    await screenshot(page, 'walk-performer-detail');
    await page.getByRole('button', { name: /一覧に戻る/ }).click();
    await expect.poll(() => row.getByTestId('performer-status').textContent()).toContain('声紋あり');

    // B's references, left without a voiceprint so screening has work to show.
    await page.getByRole('button', { name: '詳細: 佐藤一郎' }).click();
    await page.locator('[data-testid=file-input]').setInputFiles([f['b-ref-0.wav'], f['b-ref-1.wav'], f['b-ref-2.wav']] as string[]);
    await expect.poll(() => page.locator('[data-testid=reference-list] li').count(), { timeout: 60_000 }).toBe(3);
    // 3: notices belong to their page: moving on clears them.
    await page.getByRole('button', { name: '設定', exact: true }).click();
    expect(await page.locator('.notice').count()).toBe(0);
    await page.getByRole('button', { name: '出演者', exact: true }).click();
    await screenshot(page, 'walk-performers');
  });

  it('screening: nothing to screen says so on the page; progress advances; the job survives leaving the page (items 2, 7, 10)', { timeout: 300_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'スクリーニング', exact: true }).click();
    await page.getByRole('button', { name: 'スクリーニングを開始' }).click();
    const nothing = page.getByTestId('nothing-to-screen');
    await nothing.waitFor();
    expect(await nothing.textContent()).toContain('照合するものがありません');

    // 7: suspects with ISO dates from the pickers, a clip that names its platform.
    await page.getByRole('button', { name: '疑わしい音声', exact: true }).click();
    const addSuspect = async (kind: 'voice_model' | 'clip', label: string, fields: Record<string, string>, clips: string[]) => {
      await page.getByRole('button', { name: '疑わしい音声を登録' }).click();
      await page.getByLabel('種類').selectOption(kind);
      await page.getByLabel('名称').fill(label);
      for (const [l, v] of Object.entries(fields)) await page.getByLabel(l, { exact: true }).fill(v);
      await page.getByRole('button', { name: '保存' }).click();
      const card = page.locator('article', { hasText: label });
      await card.locator('[data-testid=file-input]').setInputFiles(clips);
      await card.getByText(path.basename(clips.at(-1) ?? '')).waitFor({ timeout: 60_000 });
    };
    await addSuspect('voice_model', 'キャラクターA', { サービス: 'VoiceGen', 発見日: '2025-11-20' }, [f['a-clip-long.wav'], f['a-clip-short.wav']] as string[]);
    await addSuspect('clip', '切り抜き動画C', { プラットフォーム: 'YouTube', 投稿日時: '2025-11-20T14:30' }, [0, 1, 2, 3].map((i) => f[`c-clip-${i}.wav`] ?? ''));
    const db = new Database(path.join(app.dataDir, 'seimon.sqlite'), { readonly: true });
    const dates = db.prepare('SELECT label, found_at AS foundAt, posted_at AS postedAt FROM suspects ORDER BY label').all();
    db.close();
    expect(dates).toEqual([
      { label: 'キャラクターA', foundAt: '2025-11-20', postedAt: null },
      { label: '切り抜き動画C', foundAt: null, postedAt: '2025-11-20T14:30' },
    ]);
    await screenshot(page, 'walk-suspects');

    // 2: every progress value the bar shows is recorded, across the page being left and re-entered.
    await page.evaluate(() => {
      const w = globalThis as unknown as { __progress: string[]; document: { body: unknown; querySelector(s: string): { getAttribute(a: string): string | null } | null } };
      w.__progress = [];
      const seen = () => {
        const p = w.document.querySelector('[data-testid=progress]');
        const v = p ? `${p.getAttribute('data-done')}/${p.getAttribute('data-total')}/${p.getAttribute('data-state')}` : null;
        if (v && w.__progress.at(-1) !== v) w.__progress.push(v);
      };
      new (globalThis as unknown as { MutationObserver: new (cb: () => void) => { observe(n: unknown, o: object): void } }).MutationObserver(seen).observe(w.document.body, {
        subtree: true,
        childList: true,
        attributes: true,
      });
    });
    await page.getByRole('button', { name: 'スクリーニング', exact: true }).click();
    await page.getByRole('button', { name: 'スクリーニングを開始' }).click();
    await page.getByTestId('progress').waitFor();
    // Leave mid-run and come back: the running job is picked up again, with Cancel rather than Start.
    await page.getByRole('button', { name: '疑わしい音声', exact: true }).click();
    await page.getByRole('button', { name: 'スクリーニング', exact: true }).click();
    await page.getByTestId('progress').waitFor();
    const state = await page.getByTestId('progress').getAttribute('data-state');
    if (state === 'running') expect(await page.getByRole('button', { name: 'キャンセル' }).count()).toBe(1);
    await page.getByTestId('results-table').waitFor({ timeout: 180_000 });
    await expect.poll(() => page.getByTestId('progress').getAttribute('data-state'), { timeout: 10_000 }).toBe('done');
    const seen = await page.evaluate(() => (globalThis as unknown as { __progress: string[] }).__progress);
    const total = Number(seen.at(-1)?.split('/')[1]);
    expect(total).toBe(3 + 3 + 2 + 4); // recordings: references of both performers and every clip
    expect(seen.at(-1)).toBe(`${total}/${total}/done`);
    const done = seen.map((s) => Number(s.split('/')[0]));
    expect(done.filter((d) => d > 0 && d < total).length).toBeGreaterThan(0); // it moved in between
    expect([...done].sort((x, y) => x - y)).toEqual(done); // and never went back

    // 7: the clip's platform fills the Service column; 4: where a % is shown beside the cosine, the two are explained.
    const rows = page.locator('[data-testid=results-table] tbody tr');
    expect(await rows.filter({ hasText: '切り抜き動画C' }).first().locator('td').nth(2).textContent()).toBe('YouTube');
    const percents = (await page.locator('[data-testid=results-table] tbody td:nth-child(5)').allTextContents()).filter((x) => x.includes('%'));
    if (percents.length > 0) expect(await page.getByTestId('percent-vs-cosine').textContent()).toContain('コサインは正規化前');
    else expect(await page.getByTestId('percent-vs-cosine').count()).toBe(0);
    await screenshot(page, 'walk-screening');

    // 9: the CSV speaks the screen's words.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV を書き出す' }).click()]);
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    const header = csv.split('\r\n')[0] ?? '';
    for (const word of ['順位', '疑わしい音声', '出演者', '類似度', '判定', 'コサイン']) expect(header).toContain(word);
    expect(header).not.toMatch(/疑義音声|声優/);

    // 9: the heatmap has a legend with its unit.
    await page.getByRole('button', { name: 'ヒートマップ' }).click();
    expect(await page.getByTestId('heat-legend').textContent()).toMatch(percents.length > 0 ? /類似度 %.*0 %.*100 %/ : /コサイン類似度.*0\.00.*1\.00/);
    await screenshot(page, 'walk-heatmap');
    await page.getByRole('button', { name: '順位表' }).click();
  });

  it('compare: clip × reference matrix, choice of pair, timeline at the stated seconds, axes, playhead, short clips, button emphasis (items 1, 4, 5)', { timeout: 240_000 }, async () => {
    const { page } = app;
    const rows = page.locator('[data-testid=results-table] tbody tr');
    await rows.filter({ hasText: 'キャラクターA' }).filter({ hasText: '山田花子' }).first().getByRole('button', { name: '比較' }).click();
    await page.getByTestId('comparison').waitFor({ timeout: 90_000 });
    // 4 (wording of a calibrated score: tests/unit/workbench/meaning.test.ts). With two performers the
    // population check withholds the band; then opening a case is not the emphasised action, and says why.
    const emphasis = async () => {
      const band = await page.locator('.score-main [data-band]').getAttribute('data-band');
      const cls = await page.getByTestId('open-case').getAttribute('class');
      const note = (await page.locator('.case-action').textContent()) ?? '';
      if (band === 'very-high' || band === 'high') expect(cls).toBe('primary');
      else {
        expect(cls).toBe(null);
        expect(note).toContain(band === 'withheld' ? '判定が保留' : '慎重に');
      }
      return band;
    };
    await emphasis();

    // 5: the score drawn against the population check's same- and different-speaker scores.
    const pop = await invoke(app.ctx, 'population.get', {});
    const dist = page.getByTestId('score-distribution');
    await dist.waitFor();
    expect(pop.ok).toBe(true);
    if (pop.ok) {
      const caption = (await dist.locator('figcaption').textContent()) ?? '';
      expect(caption).toContain(`同一話者の組（${pop.value.check?.targetTrials} 件）`);
      expect(caption).toContain(`別話者の組（${pop.value.check?.nonTargetTrials} 件）`);
    }
    expect(await dist.getByTestId('dist-reading').textContent()).toMatch(/別話者の組のうち \d+(\.\d+)? % がこのスコア以上/);
    const marker = (await dist.getByTestId('dist-score').boundingBox())!;
    const plot = (await dist.locator('svg').boundingBox())!;
    expect(marker.x).toBeGreaterThan(plot.x);
    expect(marker.x + marker.width).toBeLessThan(plot.x + plot.width);
    await dist.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
    await screenshot(page, 'walk-compare-distribution');

    // 5: the matrix has a row per clip and a column per reference, each cell a score.
    const matrix = page.getByTestId('pair-matrix');
    await matrix.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await painted(page);
    await screenshot(page, 'walk-compare-matrix');
    expect(await matrix.locator('tbody tr').count()).toBe(2);
    expect(await matrix.locator('thead th').count()).toBe(1 + 3);
    expect(await matrix.locator('button.cell').count()).toBe(6);

    // 5: choose the long clip and the second reference from the matrix; the panels follow.
    const longCell = matrix.locator('tbody tr', { hasText: 'a-clip-long.wav' }).locator('button.cell').nth(1);
    const clipId = (await longCell.getAttribute('data-clip')) ?? '';
    const refId = (await longCell.getAttribute('data-reference')) ?? '';
    await longCell.click();
    await expect.poll(() => longCell.getAttribute('aria-pressed')).toBe('true');
    await page.locator(`.audio-panel[data-recording-id="${clipId}"]`).waitFor();
    await page.locator(`.audio-panel[data-recording-id="${refId}"]`).waitFor();
    expect(await page.getByTestId('choose-clip').inputValue()).toBe(clipId);

    // 1: every window and every stated stretch is drawn at its own seconds on the clip's axis.
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const duration = Number(await timeline.getAttribute('data-duration'));
    expect(duration).toBeCloseTo(6.5, 1);
    const svgBox = (await timeline.boundingBox())!;
    const pxAt = (s: number) => svgBox.x + (s / duration) * svgBox.width;
    const windows = page.locator('[data-testid=timeline] rect[data-window]');
    expect(await windows.count()).toBeGreaterThanOrEqual(2);
    for (const r of await windows.all()) {
      const [start, end] = [Number(await r.getAttribute('data-start')), Number(await r.getAttribute('data-end'))];
      const b = (await r.boundingBox())!;
      expect(Math.abs(b.x - pxAt(start))).toBeLessThan(1.5);
      expect(Math.abs(b.x + b.width - pxAt(end))).toBeLessThan(1.5);
    }
    const stated = ((await page.locator('.compare p', { hasText: '一致区間:' }).first().textContent()) ?? '').match(/(\d+\.\d)–(\d+\.\d) s/g) ?? [];
    const regions = page.locator('[data-testid=timeline] rect[data-region]');
    expect(await regions.count()).toBe(stated.length);
    for (const [i, text] of stated.entries()) {
      const [s, e] = (text.match(/\d+\.\d/g) ?? []).map(Number) as [number, number];
      const b = (await regions.nth(i).boundingBox())!;
      expect(Math.abs(b.x - pxAt(s))).toBeLessThan(0.06 * (svgBox.width / duration) + 1.5); // text rounds to 0.1 s
      expect(Math.abs(b.x + b.width - pxAt(e))).toBeLessThan(0.06 * (svgBox.width / duration) + 1.5);
    }
    // 5: the waveform, spectrogram and timeline share one time axis in seconds.
    const panel = page.locator(`.audio-panel[data-recording-id="${clipId}"]`);
    const axis = panel.getByTestId('time-axis');
    const axisBox = (await axis.boundingBox())!;
    expect(Math.abs(axisBox.x - svgBox.x)).toBeLessThan(1);
    expect(Math.abs(axisBox.width - svgBox.width)).toBeLessThan(1);
    const tick = axis.locator('.tick[data-seconds="2"]');
    const tickBox = (await tick.boundingBox())!;
    expect(Math.abs(tickBox.x + tickBox.width / 2 - pxAt(2))).toBeLessThan(2);
    expect(await axis.textContent()).toContain('秒');
    await page.getByLabel('スペクトログラム表示').check();
    await panel.locator('.spectrogram-box').waitFor();
    const wave = (await panel.locator('canvas.waveform').boundingBox())!;
    const spec = (await panel.locator('.spectrogram-box').boundingBox())!;
    expect(spec.y - (wave.y + wave.height)).toBeLessThan(12); // directly under its waveform

    // 5: a click on the picture seeks; the playhead is drawn on the timeline at that time.
    await expect.poll(() => panel.getByTestId('player').evaluate((a) => (a as unknown as { readyState: number }).readyState)).toBeGreaterThan(0);
    await panel.getByTestId('seek-area').click({ position: { x: wave.width / 2, y: 10 } });
    const playhead = page.getByTestId('timeline-playhead');
    await playhead.waitFor();
    expect(Number(await playhead.getAttribute('data-seconds'))).toBeCloseTo(duration / 2, 0);
    const headBox = (await playhead.boundingBox())!;
    expect(Math.abs(headBox.x + headBox.width / 2 - pxAt(duration / 2))).toBeLessThan(3);
    await painted(page);
    await screenshot(page, 'walk-compare');

    // 5: a 3 s clip has one window: the page says what that means instead of drawing a flat line.
    await page.getByTestId('choose-clip').selectOption({ label: 'a-clip-short.wav' });
    await page.getByTestId('short-clip').waitFor();
    expect(await page.getByTestId('short-clip').textContent()).toMatch(/分析窓.*1 個/);
    await emphasis();

    // 5: for a weak pair, opening a case is not the emphasised action.
    await page.getByLabel('出演者', { exact: true }).selectOption({ label: '山田花子' });
    await page.getByLabel('疑わしい音声', { exact: true }).selectOption({ label: '切り抜き動画C' });
    await page.getByRole('button', { name: '比較する' }).click();
    await page.getByTestId('pair-matrix').locator('tbody tr').nth(3).waitFor({ timeout: 90_000 });
    await expect.poll(() => page.getByTestId('open-case').getAttribute('class')).toBe(null);
    expect(await page.locator('.case-action').textContent()).toContain('慎重に');
    expect(await emphasis()).not.toBe('very-high');
    await screenshot(page, 'walk-compare-weak');
  });

  it('cases show the score and local times (item 8); errors are in Japanese with the field named (item 3)', { timeout: 240_000 }, async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'スクリーニング', exact: true }).click();
    const rows = page.locator('[data-testid=results-table] tbody tr');
    await rows.filter({ hasText: 'キャラクターA' }).filter({ hasText: '山田花子' }).first().getByRole('button', { name: '比較' }).click();
    await page.getByTestId('open-case').waitFor({ timeout: 90_000 });
    await page.getByTestId('open-case').click();
    await page.getByRole('heading', { name: /山田花子 × キャラクターA/ }).waitFor();
    const scores = page.getByTestId('case-scores');
    await scores.getByText(/\d+(\.\d)? %|>99 %|cos -?\d\.\d{3}/).first().waitFor();
    expect(await scores.textContent()).toContain('山田花子 × キャラクターA');
    await page.locator('.history').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await screenshot(page, 'walk-case');

    // 3: a letter drafted before the requester is known names what is missing in words, with a way to Settings.
    const letters = page.getByTestId('letters');
    await letters.getByLabel('宛先').selectOption({ index: 1 });
    await letters.getByRole('button', { name: '依頼書を作成' }).click();
    const missing = page.getByTestId('letter-editor').locator('.error-banner');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('依頼者の氏名');
    expect(await missing.textContent()).not.toMatch(/requester\.|\.name/);
    await missing.getByRole('button', { name: '「設定」で依頼者を入力する' }).click();
    await page.getByRole('heading', { name: '設定', level: 1 }).waitFor();

    // A band threshold out of range: the notice names the field in Japanese, no code, no path.
    await page.getByRole('button', { name: '設定', exact: true }).click();
    const input = page.getByLabel(/^下限 %/).first();
    await input.fill('150');
    await page.locator('.bands-editor').getByRole('button', { name: '保存' }).click();
    const note = page.locator('.notice-error');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/入力内容を確認してください: 判定の帯域の1 番目の下限 %/);
    expect(await note.textContent()).not.toMatch(/INVALID|bands\.0|minPercent/);
    expect(await coveredControls(page)).toEqual([]);
    await screenshot(page, 'walk-settings-error');
    await app.reload();
  });

  it('every page in Japanese has no ASCII-only sentence outside the allow-list', { timeout: 240_000 }, async () => {
    const { page } = app;
    const found: string[] = [];
    const check = async (where: string) => {
      await painted(page);
      for (const s of await asciiSentences(page)) found.push(`${where}: ${s}`);
    };
    await check('出演者');
    await page.getByRole('button', { name: '詳細: 山田花子' }).click();
    await page.getByTestId('voiceprints').waitFor();
    await check('出演者の詳細');
    await page.getByRole('button', { name: '疑わしい音声', exact: true }).click();
    await page.locator('article', { hasText: '切り抜き動画C' }).getByRole('button', { name: /サンプル音声/ }).click();
    await check('疑わしい音声');
    await page.getByRole('button', { name: '疑わしい音声を登録' }).click();
    await check('疑わしい音声の登録');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'スクリーニング', exact: true }).click();
    await page.getByTestId('results-table').waitFor();
    await check('スクリーニング');
    await page.getByRole('button', { name: 'ヒートマップ' }).click();
    await check('ヒートマップ');
    await page.getByRole('button', { name: '比較', exact: true }).click();
    await check('比較（未選択）');
    await page.getByLabel('出演者', { exact: true }).selectOption({ label: '山田花子' });
    await page.getByLabel('疑わしい音声', { exact: true }).selectOption({ label: 'キャラクターA' });
    await page.getByRole('button', { name: '比較する' }).click();
    await page.getByTestId('pair-matrix').waitFor({ timeout: 90_000 });
    await check('比較');
    await page.getByRole('button', { name: '案件', exact: true }).click();
    await check('案件');
    await page.getByRole('button', { name: /山田花子 × キャラクターA/ }).click();
    await page.getByTestId('case-scores').waitFor();
    await check('案件の詳細');
    await page.getByRole('button', { name: '設定', exact: true }).click();
    await page.getByTestId('models').waitFor();
    await check('設定');
    expect(found).toEqual([]);
  });

  it('in English: heatmap names set horizontally, errors and axes in English (items 3, 9)', { timeout: 120_000 }, async () => {
    const { page } = app;
    await page.getByRole('complementary').getByLabel('表示言語').selectOption('en');
    await page.getByRole('button', { name: 'Screening', exact: true }).click();
    await page.getByTestId('results-table').waitFor();
    await page.getByRole('button', { name: 'Heatmap' }).click();
    expect(await page.locator('.heatmap thead th.angled').count()).toBe(2);
    expect(await page.locator('.heatmap thead th.rotated').count()).toBe(0);
    expect(await page.getByTestId('heat-legend').textContent()).toMatch(/similarity %|cosine similarity/i);
    await screenshot(page, 'walk-heatmap-en');
    // The comparison in English: the long clip's timeline drawn from its 1.5 s-hop windows, each at its seconds.
    await page.getByRole('button', { name: 'Ranked' }).click();
    const rows = page.locator('[data-testid=results-table] tbody tr');
    await rows.filter({ hasText: 'キャラクターA' }).filter({ hasText: '山田花子' }).first().getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByTestId('comparison').waitFor({ timeout: 90_000 });
    await page.getByTestId('choose-clip').selectOption({ label: 'a-clip-long.wav' });
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    const windows = timeline.locator('rect[data-window]');
    expect(await windows.count()).toBeGreaterThanOrEqual(2);
    const starts = await Promise.all((await windows.all()).map(async (r) => Number(await r.getAttribute('data-start'))));
    expect(starts[1]! - starts[0]!).toBeCloseTo(1.5, 1);
    await timeline.evaluate((el) => (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'center' }));
    await screenshot(page, 'walk-compare-en');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByLabel(/^from %/).first().fill('150');
    await page.locator('.bands-editor').getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.notice-error').textContent()).toMatch(/Please check: verdict bands › no\. 1 › minimum %/);
    await page.getByRole('complementary').getByLabel('Language').selectOption('ja');
  });
});
