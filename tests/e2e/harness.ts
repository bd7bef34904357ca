/**
 * The end-to-end harness: Debian's Chromium (driven by playwright-core) shows the built renderer,
 * and window.seimon is bound to the real core through the same routeInvoke the Electron IPC uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { CoreContext } from '../../src/core/context.js';
import { closeCore, openCore } from '../../src/store/open-core.js';
import { invoke } from '../../src/api/invoke.js';
import { registerBundledModels } from '../../src/models/bundled.js';
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
  await registerBundledModels(ctx); // as the Electron core host does at start
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
  // Bytes cannot cross exposeBinding as-is: the page wraps Uint8Arrays as {__b64}, unwrapped here
  // before the same routeInvoke the IPC path uses, and results are wrapped on the way back.
  await context.exposeBinding('__seimonInvoke', async (source, op: unknown, input: unknown) =>
    toWire(await routeInvoke(source.frame.url().startsWith(ORIGIN + '/'), op, fromWire(input), (o, i) => invoke(ctx, o, i))),
  );
  // Mirrors electron/preload.ts: exactly one function on window.
  await context.addInitScript((language) => {
    const w = globalThis as unknown as {
      localStorage: { setItem(k: string, v: string): void };
      __seimonInvoke: (op: string, input: unknown) => unknown;
    };
    if (language) w.localStorage.setItem('seimon.language', language);
    const toB64 = (b: Uint8Array) => {
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    };
    const wrap = (v: unknown): unknown => {
      if (v instanceof Uint8Array) return { __b64: toB64(v) };
      if (Array.isArray(v)) return v.map(wrap);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wrap(x)]));
      return v;
    };
    const unwrap = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(unwrap);
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.__b64 === 'string') return Uint8Array.from(atob(o.__b64), (c) => c.charCodeAt(0));
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, unwrap(x)]));
      }
      return v;
    };
    Object.defineProperty(w, 'seimon', {
      value: Object.freeze({
        invoke: async (op: string, input: unknown) => unwrap(await w.__seimonInvoke(op, wrap(input))),
      }),
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

/** Turns {__b64} markers from the page back into bytes (harness transport only). */
function fromWire(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromWire);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.__b64 === 'string') return new Uint8Array(Buffer.from(o.__b64, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromWire(x)]));
  }
  return v;
}

/** Wraps bytes in results as {__b64} for the trip back into the page. */
function toWire(v: unknown): unknown {
  if (v instanceof Uint8Array) return { __b64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
  return v;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
