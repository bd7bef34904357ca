// The capture browser of the CLI (and tests): the system Chromium through playwright-core, with a
// fresh empty profile per capture, so no cookie, login or storage of anything else is present.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { CaptureBrowser, CaptureBrowserLauncher, CdpSession } from '../api/session.js';
import { SeimonError } from '../api/session.js';

export const DEFAULT_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CAPTURE_BROWSER_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface LaunchOptions {
  executablePath?: string;
  /** Base64 SHA-256 hashes of public keys whose certificates are accepted although no CA vouches for them (tests' self-signed servers). */
  trustedSpki?: string[];
  /** More Chromium switches (tests map host names with --host-resolver-rules). */
  extraArgs?: string[];
}

/** A launcher that starts Chromium for each capture and deletes its profile afterwards. */
export function chromiumLauncher(opts: LaunchOptions = {}): CaptureBrowserLauncher {
  const exe = opts.executablePath ?? DEFAULT_CHROMIUM;
  return async (): Promise<CaptureBrowser> => {
    if (!fs.existsSync(exe)) throw new SeimonError('CAPTURE_NO_BROWSER', `No browser at ${exe} (give one with --browser PATH)`);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-capture-'));
    const args = [...CAPTURE_BROWSER_FLAGS];
    if (opts.trustedSpki?.length) args.push(`--ignore-certificate-errors-spki-list=${opts.trustedSpki.join(',')}`);
    args.push(...(opts.extraArgs ?? []));
    let context;
    try {
      context = await chromium.launchPersistentContext(profile, { executablePath: exe, args, headless: true, acceptDownloads: false, viewport: { width: 1280, height: 900 } });
    } catch (e) {
      fs.rmSync(profile, { recursive: true, force: true });
      throw new SeimonError('CAPTURE_NO_BROWSER', `The browser at ${exe} did not start: ${(e as Error).message.split('\n')[0]}`);
    }
    const ctx = context;
    const probe = await ctx.newPage();
    const probeCdp = await ctx.newCDPSession(probe);
    const version = ((await probeCdp.send('Browser.getVersion')) as { product: string }).product;
    await probeCdp.detach();
    await probe.close();
    return {
      name: 'Chromium',
      version: version.replace(/^[^/]*\//, ''),
      async openTab() {
        const page = await ctx.newPage();
        const session = await ctx.newCDPSession(page);
        const cdp: CdpSession = {
          send: (method, params) => session.send(method as never, params as never) as Promise<unknown>,
          on(event, listener) {
            session.on(event as never, listener as never);
            return () => void session.off(event as never, listener as never);
          },
        };
        return { cdp, close: () => page.close() };
      },
      async close() {
        await ctx.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  };
}
