// Electron main: window, security policy, the app:// protocol and the IPC relay. Nothing slow.
import { BrowserWindow, app, ipcMain, protocol, session, shell, utilityProcess } from 'electron';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mimeTypeOf, resolveAppFile } from './app-protocol.js';
import { createCoreClient } from './core-client.js';
import { bindIpc } from './ipc.js';
import { openCaptureTab } from './capture-window.js';
import { serveCaptureRelay } from './capture-relay.js';
import {
  CONTENT_SECURITY_POLICY,
  installNavigationLock,
  installPermissionPolicy,
  isAppUrl,
  secureWebPreferences,
} from './security.js';
import { resolveDataDir } from '../src/core/data-dir.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererRoot = path.join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function dataDirFromArgs(argv: string[]): string | undefined {
  const i = argv.indexOf('--data-dir');
  return i >= 0 ? argv[i + 1] : undefined;
}

async function serveApp(request: Request): Promise<Response> {
  const file = resolveAppFile(rendererRoot, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: { 'content-type': mimeTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = resolveDataDir(dataDirFromArgs(process.argv));
  protocol.handle('app', serveApp);
  installPermissionPolicy(session.defaultSession);

  const child = utilityProcess.fork(path.join(here, 'core-host.mjs'), [], {
    env: { ...process.env, SEIMON_DATA_DIR: dataDir },
    serviceName: 'seimon-core',
  });
  const core = createCoreClient(child);
  // Captures: the core host asks for isolated hidden windows and drives them over the DevTools Protocol.
  serveCaptureRelay({ post: (m) => child.postMessage(m), onMessage: (fn) => child.on('message', fn) }, () =>
    openCaptureTab({ createWindow: (o) => new BrowserWindow(o), sessionFor: (p) => session.fromPartition(p), randomId: randomUUID }),
  );
  bindIpc(ipcMain, isAppUrl, (op, input) => core.call(op, input));

  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Seimon 声紋',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  installNavigationLock(win.webContents, (url) => void shell.openExternal(url));
  win.once('ready-to-show', () => win.show());
  await win.loadURL('app://seimon/index.html');
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});
app.on('window-all-closed', () => app.quit());
void start();
