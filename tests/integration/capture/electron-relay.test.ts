// The app's capture path without Electron: the core host's relay client and the main process's relay
// server joined by an in-memory channel (messages structured-cloned, as across processes), and the
// tab's DevTools traffic passed through the same debugger adapter the capture window uses, backed
// here by a real Chromium page instead of webContents.debugger.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureRelayClient, serveCaptureRelay } from '../../../electron/capture-relay.js';
import type { RelayPort } from '../../../electron/capture-relay.js';
import { debuggerCdp } from '../../../electron/capture-window.js';
import type { DebuggerLike } from '../../../electron/capture-window.js';
import { capturePage } from '../../../src/capture/capture.js';
import { CAPTURE_EVENTS } from '../../../src/capture/events.js';
import { chromiumLauncher } from '../../../src/cli/capture-browser.js';
import type { CaptureBrowser } from '../../../src/core/browser.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { insertSuspect } from '../../../src/store/suspects.js';
import { chromiumMissing } from '../../e2e/harness.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';
import { startCaptureSite } from '../../helpers/capture-site.js';
import type { CaptureSite } from '../../helpers/capture-site.js';

function channel(): [RelayPort, RelayPort] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const side = (self: EventEmitter, other: EventEmitter): RelayPort => ({
    post: (m) => queueMicrotask(() => other.emit('message', structuredClone(m))),
    onMessage: (fn) => void self.on('message', fn),
  });
  return [side(a, b), side(b, a)];
}

describe.skipIf(chromiumMissing)('capturing through the app’s relay', () => {
  let site: CaptureSite;
  let browser: CaptureBrowser;
  beforeAll(async () => {
    site = await startCaptureSite();
    browser = await chromiumLauncher()();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('records the page the same way as the CLI does', async () => {
    const [core, main] = channel();
    let closed = 0;
    serveCaptureRelay(main, async () => {
      const tab = await browser.openTab();
      // A Debugger-shaped object over the real page session, as webContents.debugger would be.
      const handlers = new Map<(e: unknown, m: string, p: unknown) => void, (() => void)[]>();
      const dbg: DebuggerLike = {
        attach: () => undefined,
        detach: () => undefined,
        sendCommand: (method, params) => tab.cdp.send(method, params),
        on: (_e, l) => {
          handlers.set(l, CAPTURE_EVENTS.map((m) => tab.cdp.on(m, (p) => l({}, m, p))));
        },
        removeListener: (_e, l) => {
          for (const off of handlers.get(l) ?? []) off();
          handlers.delete(l);
        },
      };
      return { cdp: debuggerCdp(dbg), close: async () => void (closed++, await tab.close()) };
    });
    const ctx = openCore(freshDataDir('seimon-relay'), 'app');
    ctx.browser = captureRelayClient(core, { name: 'Chromium (Electron)', version: '140.0.0.0' });
    const s = insertSuspect(ctx.db, { kind: 'clip', label: 'relay' });
    const r = await capturePage(ctx, { suspectId: s.id, url: `${site.http}/start`, allowPrivate: true });
    expect(r.capture.browser).toMatchObject({ name: 'Chromium (Electron)', version: '140.0.0.0' });
    expect(r.capture.finalUrl).toBe(`${site.http}/page`);
    expect(r.capture.redirects.map((h) => h.status)).toEqual([302, 301]);
    expect(r.capture.artefacts.map((a) => a.kind).sort()).toEqual(['manifest', 'mhtml', 'printout', 'screenshot', 'text']);
    expect(r.capture.metadata.uploader).toBe('voice_uploader_42');
    expect(closed).toBe(1);
    await expect(capturePage(ctx, { suspectId: s.id, url: `${site.http}/loop`, allowPrivate: true })).rejects.toMatchObject({ code: 'CAPTURE_REDIRECT_LOOP' });
    expect(closed).toBe(2);
    closeCore(ctx);
  }, 120_000);

  it('relays every DevTools event the capture listens to', () => {
    const src = fs.readFileSync(path.join(REPO_ROOT, 'src', 'capture', 'drive.ts'), 'utf8');
    const used = [...src.matchAll(/cdp\.on\('([A-Za-z.]+)'/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    expect([...CAPTURE_EVENTS].sort()).toEqual([...new Set(used)].sort());
  });
});
