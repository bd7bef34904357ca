/**
 * The browser a capture drives, seen only through the Chrome DevTools Protocol. The CLI and tests give
 * playwright-core's Chromium; the app gives an isolated Electron window whose debugger is relayed from
 * the main process. The capture logic in src/capture is the same for both.
 */

/** A DevTools Protocol session attached to one page. */
export interface CdpSession {
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on(event: string, listener: (params: unknown) => void): () => void;
}

/** One fresh page (no cookies, storage or session shared with anything else). */
export interface CaptureTab {
  cdp: CdpSession;
  close(): Promise<void>;
}

/** A browser ready to open isolated tabs. */
export interface CaptureBrowser {
  name: string;
  version: string;
  openTab(): Promise<CaptureTab>;
  close(): Promise<void>;
}

/** Starts a browser for one capture (the caller closes it). */
export type CaptureBrowserLauncher = () => Promise<CaptureBrowser>;
