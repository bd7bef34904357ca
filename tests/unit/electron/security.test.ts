import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  installNavigationLock,
  installPermissionPolicy,
  isAppUrl,
  secureWebPreferences,
} from '../../../electron/security.js';
import { INVOKE_CHANNEL, bindIpc, routeInvoke } from '../../../electron/ipc.js';
import { resolveAppFile } from '../../../electron/app-protocol.js';
import { REPO_ROOT } from '../../helpers/paths.js';

describe('window security policy', () => {
  it('sandboxes the page, isolates the context and keeps Node out', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('has a strict CSP: nothing by default, no inline or remote script, no network', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // The meta tag in the renderer carries the same script and connect rules.
    const html = fs.readFileSync(path.join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain("default-src 'none'; script-src 'self'");
    expect(html).toContain("connect-src 'none'");
  });

  it('blocks navigation and redirects away from the app and denies every new window', () => {
    const listeners: Record<string, (e: { preventDefault(): void }, url: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const openExternal = vi.fn();
    installNavigationLock(
      { on: (ev, fn) => (listeners[ev] = fn), setWindowOpenHandler: (h) => (openHandler = h) },
      openExternal,
    );
    for (const ev of ['will-navigate', 'will-redirect']) {
      const blocked = { preventDefault: vi.fn() };
      listeners[ev]?.(blocked, 'https://evil.example/');
      expect(blocked.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      listeners[ev]?.(inside, 'app://seimon/index.html');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
    expect(openHandler?.({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/help');
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('denies permission requests and checks by default, allowing only sanitized clipboard writes', () => {
    let request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((c: unknown, p: string) => boolean) | undefined;
    installPermissionPolicy({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) });
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      request?.(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check?.(null, p)).toBe(false);
    }
    const cb = vi.fn();
    request?.(null, 'clipboard-sanitized-write', cb);
    expect(cb).toHaveBeenCalledWith(true);
  });

  it('treats only app://seimon as the app origin', () => {
    expect(isAppUrl('app://seimon/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('IPC binding', () => {
  it('checks the sender on every call, validates input, and only then forwards', async () => {
    let listener: ((e: { senderFrame: { url: string } | null }, ...a: unknown[]) => Promise<unknown>) | undefined;
    const forward = vi.fn(async () => ({ ok: true as const, value: [] }));
    bindIpc({ handle: (ch, fn) => { expect(ch).toBe(INVOKE_CHANNEL); listener = fn; } }, isAppUrl, forward);

    expect(await listener?.({ senderFrame: { url: 'https://evil.example/' } }, 'performers.list', {})).toMatchObject({ ok: false });
    expect(await listener?.({ senderFrame: null }, 'performers.list', {})).toMatchObject({ ok: false });
    expect(await listener?.({ senderFrame: { url: 'app://seimon/index.html' } }, 'fs.readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
    expect(await listener?.({ senderFrame: { url: 'app://seimon/index.html' } }, 'performers.create', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(forward).not.toHaveBeenCalled();
    expect(await listener?.({ senderFrame: { url: 'app://seimon/index.html' } }, 'performers.list', {})).toEqual({ ok: true, value: [] });
    expect(forward).toHaveBeenCalledTimes(1);
  });

  it('keeps the preload channel name in step with the main process', () => {
    const preload = fs.readFileSync(path.join(REPO_ROOT, 'electron', 'preload.ts'), 'utf8');
    expect(preload).toContain(`'${INVOKE_CHANNEL}'`);
    expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1);
  });

  it('routeInvoke refuses untrusted senders before looking at anything else', async () => {
    const forward = vi.fn();
    expect(await routeInvoke(false, 'performers.list', {}, forward)).toMatchObject({ ok: false });
    expect(forward).not.toHaveBeenCalled();
  });
});

describe('app:// protocol', () => {
  const root = '/opt/seimon/renderer';
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppFile(root, 'app://seimon/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://seimon/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://seimon/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
  });
  it.each([
    'app://seimon/../../etc/passwd',
    'app://seimon/%2e%2e/%2e%2e/etc/passwd',
    'app://seimon/assets/..%2f..%2f..%2fetc/passwd',
    'app://seimon/a%00.js',
    'app://seimon/..%5c..%5cwindows',
    'app://other/index.html',
    'https://seimon/index.html',
    'garbage',
  ])('refuses %s', (url) => {
    const resolved = resolveAppFile(root, url);
    if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    else expect(resolved).toBeNull();
  });
});
