/**
 * The window's security policy, as plain data and small functions over injected objects so that
 * tests can check every rule without an Electron binary.
 */

/** The only origin the window may show: the app's bundled renderer served over app://. */
export const APP_ORIGIN = 'app://seimon';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The locked-down web preferences every Seimon window shares: sandboxed, isolated, no Node in the page. */
export function lockedWebPreferences() {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const;
}

/** The app window's web preferences: the locked-down set plus the preload that exposes `window.seimon`. */
export function secureWebPreferences(preloadPath: string) {
  return { preload: preloadPath, ...lockedWebPreferences() } as const;
}

/** True when a URL belongs to the app's own origin (used for navigation and IPC sender checks). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Links the user may open in the system browser: http(s) only, never file:, javascript:, etc. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The subset of WebContents the navigation lock needs. */
export interface NavigableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: PreventableEvent, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Blocks every navigation and redirect away from the app, and every new window; http(s) links are
 * handed to the system browser instead.
 */
export function installNavigationLock(contents: NavigableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The subset of Session the permission policy needs. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** The only permission granted: writing sanitized text to the clipboard (the letter editor's copy buttons). */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/** Denies every permission request (camera, microphone, notifications, ...) except the allow-list. */
export function installPermissionPolicy(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.includes(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.includes(permission));
}
