// The core host: a utility process that owns SQLite and the handler map, so the main process never blocks.
import { openSession } from '../src/api/session.js';
import { invoke } from '../src/api/invoke.js';
import { registerBundledModels } from '../src/models/bundled.js';
import { captureRelayClient } from './capture-relay.js';

interface Request {
  id: number;
  op: string;
  input: unknown;
  capture?: unknown;
}

interface ParentPort {
  on(event: 'message', listener: (e: { data: Request }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort: ParentPort }).parentPort;
const dataDir = process.env.SEIMON_DATA_DIR ?? '';

try {
  const ctx = openSession(dataDir, 'app');
  // Page captures run here; their hidden browser window lives in the main process (capture-window.ts).
  ctx.browser = captureRelayClient(
    { post: (m) => port.postMessage(m), onMessage: (fn) => port.on('message', ({ data }) => fn(data)) },
    { name: 'Chromium (Electron)', version: process.versions.chrome ?? 'unknown' },
  );
  port.on('message', ({ data }) => {
    if (data.capture !== undefined) return; // the capture relay's own traffic
    void invoke(ctx, data.op, data.input).then((result) => port.postMessage({ id: data.id, result }));
  });
  // The starter model is registered on first start so the app scores voices out of the box.
  void registerBundledModels(ctx).then((r) => {
    for (const f of r.failed) console.error(`bundled model ${f.dir}: ${f.code} ${f.message}`);
  });
  port.postMessage({ ready: true });
} catch (e) {
  const err = e as { code?: string; message?: string };
  port.postMessage({ fatal: { code: err.code ?? 'INTERNAL', message: err.message ?? String(e) } });
}
