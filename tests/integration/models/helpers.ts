import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect } from 'vitest';
import type { CoreContext } from '../../../src/core/context.js';
import { closeCore, openCore } from '../../../src/store/open-core.js';
import { SeimonError } from '../../../src/core/errors.js';
import { REPO_ROOT, freshDataDir } from '../../helpers/paths.js';

export const FIXTURES = path.join(REPO_ROOT, 'fixtures', 'models');
export const fixture = (name: string): string => path.join(FIXTURES, `${name}.onnx`);

/** A loopback HTTP server whose handler a test sets; it records every request's path and headers. */
export interface TestServer {
  url: (p: string) => string;
  requests: { url: string; headers: http.IncomingHttpHeaders }[];
  handle: (fn: http.RequestListener) => void;
  close: () => Promise<void>;
}

/** Starts a server on 127.0.0.1 with an OS-chosen port. */
export async function startServer(): Promise<TestServer> {
  let handler: http.RequestListener = (_req, res) => res.writeHead(404).end();
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    requests,
    handle: (fn) => (handler = fn),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh core on a fresh data folder with no bundled models. */
export function freshCore(): CoreContext {
  return openCore(freshDataDir('seimon-models'), 'test');
}

export { closeCore };

/** Runs `fn` and checks it rejects with a SeimonError of this code; returns the error. */
export async function expectCode(fn: () => unknown, code: string): Promise<SeimonError> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof SeimonError)) throw e;
    expect(e.code, e.message).toBe(code);
    return e;
  }
  throw new Error(`expected ${code}, but nothing was thrown`);
}

/** Every file left in the models folder (recursively), for "nothing left behind" checks. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}
