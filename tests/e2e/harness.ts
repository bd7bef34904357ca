/**
 * The end-to-end harness: Debian's Chromium (driven by playwright-core) shows the built renderer,
 * and window.seimon is bound to the real core through the same routeInvoke the Electron IPC uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { CoreContext } from '../../src/api/context.js';
import { closeCore, openCore } from '../../src/api/context.js';
import { invoke } from '../../src/api/invoke.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import { routeInvoke } from '../../electron/ipc.js';
import { mimeTypeOf } from '../../electron/app-protocol.js';
import { REPO_ROOT, freshDataDir } from '../helpers/paths.js';

export const RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
/** The page is served from a routed origin, never from a listening server. */
const ORIGIN = 'http://seimon.test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = !fs.existsSync(CHROMIUM_PATH)
  ? `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`
  : null;
export const rendererMissing = !fs.existsSync(path.join(RENDERER_DIR, 'index.html'))
  ? 'dist/renderer is not built: run `npm run build` first'
  : null;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface AppSession {
  page: Page;
  ctx: CoreContext;
  dataDir: string;
  /** Reloads the page and waits until the app says it is ready. */
  reload(): Promise<void>;
  /** Closes the page and the core (the data folder stays for inspection). */
  close(): Promise<void>;
}

/** Opens the app on a fresh (or given) data folder, bound to the real core. */
export async function openApp(
  browser: Browser,
  opts: { dataDir?: string; viewport?: { width: number; height: number }; language?: 'ja' | 'en' } = {},
): Promise<AppSession> {
  const dataDir = opts.dataDir ?? freshDataDir('seimon-e2e');
  const ctx = openCore(dataDir, 'app');
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const rel = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = path.resolve(RENDERER_DIR, '.' + (rel === '/' ? '/index.html' : rel));
    if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  await context.exposeBinding('__seimonInvoke', (source, op: unknown, input: unknown) =>
    routeInvoke(source.frame.url().startsWith(ORIGIN + '/'), op, input, (o, i) => invoke(ctx, o, i)),
  );
  // Mirrors electron/preload.ts: exactly one function on window.
  await context.addInitScript((language) => {
    const w = globalThis as unknown as {
      localStorage: { setItem(k: string, v: string): void };
      __seimonInvoke: (op: string, input: unknown) => unknown;
    };
    if (language) w.localStorage.setItem('seimon.language', language);
    Object.defineProperty(w, 'seimon', {
      value: Object.freeze({ invoke: (op: string, input: unknown) => w.__seimonInvoke(op, input) }),
    });
  }, opts.language ?? null);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const waitReady = () => page.waitForSelector('body[data-app-ready="true"]');
  await page.goto(`${ORIGIN}/index.html`);
  await waitReady();
  return {
    page,
    ctx,
    dataDir,
    async reload() {
      await page.reload();
      await waitReady();
    },
    async close() {
      await context.close();
      closeCore(ctx);
      if (pageErrors.length) throw new Error(`Errors in the page: ${pageErrors.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
