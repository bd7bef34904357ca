// The app's capture window, with Electron's objects injected (there is no Electron binary here).
import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_PARTITION_PREFIX, captureWindowOptions, debuggerCdp, installCaptureSessionPolicy, openCaptureTab } from '../../../electron/capture-window.js';
import type { CaptureSessionLike, DebuggerLike } from '../../../electron/capture-window.js';
import { routeInvoke } from '../../../electron/ipc.js';
import { isAppUrl } from '../../../electron/security.js';

function fakeSession() {
  const handlers: Record<string, (...a: never[]) => unknown> = {};
  const s = {
    setPermissionRequestHandler: vi.fn((h) => (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h) => (handlers.check = h)),
    on: vi.fn((event: string, l) => (handlers[event] = l)),
    clearStorageData: vi.fn(async () => undefined),
  };
  return { s: s as unknown as CaptureSessionLike & typeof s, handlers };
}

function fakeDebugger() {
  const listeners = new Set<(e: unknown, method: string, params: unknown) => void>();
  const d = {
    attached: null as string | null,
    attach: vi.fn((v?: string) => void (d.attached = v ?? '')),
    detach: vi.fn(),
    sendCommand: vi.fn(async (method: string, params?: Record<string, unknown>) => ({ method, params })),
    on: vi.fn((_e: 'message', l: (e: unknown, m: string, p: unknown) => void) => listeners.add(l)),
    removeListener: vi.fn((_e: 'message', l: (e: unknown, m: string, p: unknown) => void) => listeners.delete(l)),
    emit: (method: string, params: unknown) => listeners.forEach((l) => l({}, method, params)),
    listenerCount: () => listeners.size,
  };
  return d;
}

describe('the capture window', () => {
  it('has no preload, no Node, a sandbox and an in-memory partition of its own', () => {
    const o = captureWindowOptions(`${CAPTURE_PARTITION_PREFIX}abc`);
    expect(o.show).toBe(false);
    expect('preload' in o.webPreferences).toBe(false);
    expect(o.webPreferences).toMatchObject({ partition: 'seimon-capture-abc', sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false, webSecurity: true });
    expect(() => captureWindowOptions('persist:seimon-capture-abc')).toThrow(/fresh in-memory partition/);
    expect(() => captureWindowOptions('')).toThrow(/fresh in-memory partition/); // never the app's default session
  });

  it('denies every permission and cancels every download', () => {
    const { s, handlers } = fakeSession();
    installCaptureSessionPolicy(s);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write', 'clipboard-read']) {
      const cb = vi.fn();
      (handlers.request as unknown as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect((handlers.check as unknown as (c: unknown, p: string) => boolean)(null, p)).toBe(false);
    }
    const e = { preventDefault: vi.fn() };
    const item = { cancel: vi.fn() };
    (handlers['will-download'] as unknown as (e: unknown, i: unknown) => void)(e, item);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(item.cancel).toHaveBeenCalled();
  });

  it('drives the page over webContents.debugger: commands pass through, events reach only their subscribers', async () => {
    const d = fakeDebugger();
    const cdp = debuggerCdp(d as unknown as DebuggerLike);
    await expect(cdp.send('Page.navigate', { url: 'https://example.com/' })).resolves.toEqual({ method: 'Page.navigate', params: { url: 'https://example.com/' } });
    const seen: unknown[] = [];
    const off = cdp.on('Page.loadEventFired', (p) => seen.push(p));
    d.emit('Network.dataReceived', { dataLength: 1 });
    d.emit('Page.loadEventFired', { timestamp: 1 });
    off();
    d.emit('Page.loadEventFired', { timestamp: 2 });
    expect(seen).toEqual([{ timestamp: 1 }]);
    expect(d.listenerCount()).toBe(0);
  });

  it('opens each capture in a fresh partition, refuses new windows and webviews, and clears the session on close', async () => {
    const sessions: ReturnType<typeof fakeSession>[] = [];
    const wins: { options: ReturnType<typeof captureWindowOptions>; destroyed: boolean; openHandler?: (d: { url: string }) => { action: string }; webview?: (e: { preventDefault(): void }) => void; dbg: ReturnType<typeof fakeDebugger>; loaded: string[] }[] = [];
    let n = 0;
    const deps = {
      randomId: () => `id${++n}`,
      sessionFor: (p: string) => {
        const f = fakeSession();
        sessions.push(f);
        expect(p).toBe(`seimon-capture-id${n}`);
        return f.s;
      },
      createWindow: (options: ReturnType<typeof captureWindowOptions>) => {
        const w = { options, destroyed: false, dbg: fakeDebugger(), loaded: [] as string[] } as (typeof wins)[number];
        wins.push(w);
        return {
          webContents: {
            debugger: w.dbg as unknown as DebuggerLike,
            setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => void (w.openHandler = h),
            on: (_e: 'will-attach-webview', l: (e: { preventDefault(): void }) => void) => void (w.webview = l),
            loadURL: async (u: string) => void w.loaded.push(u),
          },
          destroy: () => void (w.destroyed = true),
        };
      },
    };
    const a = await openCaptureTab(deps);
    const b = await openCaptureTab(deps);
    expect(wins.map((w) => w.options.webPreferences.partition)).toEqual(['seimon-capture-id1', 'seimon-capture-id2']);
    expect(wins[0]!.dbg.attached).toBe('1.3');
    expect(wins[0]!.loaded).toEqual(['about:blank']);
    expect(wins[0]!.openHandler!({ url: 'https://popup.example/' })).toEqual({ action: 'deny' });
    const e = { preventDefault: vi.fn() };
    wins[0]!.webview!(e);
    expect(e.preventDefault).toHaveBeenCalled();
    await a.close();
    expect(wins[0]!.destroyed).toBe(true);
    expect(wins[0]!.dbg.detach).toHaveBeenCalled();
    expect(sessions[0]!.s.clearStorageData).toHaveBeenCalled();
    expect(wins[1]!.destroyed).toBe(false);
    await b.close();
  });

  it('cannot call the core: a frame of a captured page is refused by the IPC sender check', async () => {
    const forward = vi.fn();
    const r = await routeInvoke(isAppUrl('https://captured.example/page'), 'suspects.list', {}, forward);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(forward).not.toHaveBeenCalled();
  });
});
