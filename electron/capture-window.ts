// The app's capture browser: a hidden BrowserWindow in a partition of its own (in memory, fresh for
// every capture: no cookies or logins of anything else), no preload, no Node, no IPC, every permission
// denied, downloads cancelled, new windows refused. The core drives it over the DevTools Protocol
// (webContents.debugger), relayed from this process; pure functions over injected Electron objects.
import type { CdpSession } from '../src/core/browser.js';
import { lockedWebPreferences } from './security.js';

/** Partitions without the `persist:` prefix live in memory only and vanish with the window. */
export const CAPTURE_PARTITION_PREFIX = 'seimon-capture-';

export const newCapturePartition = (randomId: () => string): string => `${CAPTURE_PARTITION_PREFIX}${randomId()}`;

/** BrowserWindow options of a capture window: no preload at all, sandboxed, isolated, hidden. */
export function captureWindowOptions(partition: string) {
  if (partition.startsWith('persist:') || !partition.startsWith(CAPTURE_PARTITION_PREFIX)) throw new Error('A capture needs a fresh in-memory partition');
  return {
    show: false,
    width: 1280,
    height: 900,
    title: 'Seimon capture',
    webPreferences: {
      ...lockedWebPreferences(),
      partition,
      javascript: true,
      backgroundThrottling: false,
    },
  } as const;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The subset of Session the capture policy needs. */
export interface CaptureSessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  on(event: 'will-download', listener: (e: PreventableEvent, item: { cancel(): void }) => void): unknown;
  clearStorageData(): Promise<void>;
}

/** Denies every permission (camera, microphone, notifications, clipboard...) and cancels every download. */
export function installCaptureSessionPolicy(session: CaptureSessionLike): void {
  session.setPermissionRequestHandler((_c, _p, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (e, item) => {
    e.preventDefault();
    item.cancel();
  });
}

/** The subset of Electron's Debugger the CDP adapter needs. */
export interface DebuggerLike {
  attach(protocolVersion?: string): void;
  detach(): void;
  sendCommand(method: string, params?: Record<string, unknown>): Promise<unknown>;
  on(event: 'message', listener: (e: unknown, method: string, params: unknown) => void): unknown;
  removeListener(event: 'message', listener: (e: unknown, method: string, params: unknown) => void): unknown;
}

/** A CDP session over webContents.debugger. */
export function debuggerCdp(dbg: DebuggerLike): CdpSession {
  return {
    send: (method, params) => dbg.sendCommand(method, params ?? {}),
    on(event, listener) {
      const relay = (_e: unknown, method: string, params: unknown) => {
        if (method === event) listener(params);
      };
      dbg.on('message', relay);
      return () => void dbg.removeListener('message', relay);
    },
  };
}

/** The subset of WebContents a capture window needs. */
export interface CaptureContentsLike {
  debugger: DebuggerLike;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
  loadURL(url: string): Promise<void>;
}

export interface CaptureWindowLike {
  webContents: CaptureContentsLike;
  destroy(): void;
}

export interface CaptureDeps {
  createWindow(options: ReturnType<typeof captureWindowOptions>): CaptureWindowLike;
  sessionFor(partition: string): CaptureSessionLike;
  randomId(): string;
}

/** Opens one capture tab: a fresh partition and window, the debugger attached, a blank page loaded. */
export async function openCaptureTab(deps: CaptureDeps): Promise<{ cdp: CdpSession; close(): Promise<void> }> {
  const partition = newCapturePartition(deps.randomId);
  const session = deps.sessionFor(partition);
  installCaptureSessionPolicy(session);
  const win = deps.createWindow(captureWindowOptions(partition));
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.debugger.attach('1.3');
  await contents.loadURL('about:blank');
  return {
    cdp: debuggerCdp(contents.debugger),
    async close() {
      try {
        contents.debugger.detach();
      } catch {
        // already detached with the window
      }
      win.destroy();
      await session.clearStorageData();
    },
  };
}
