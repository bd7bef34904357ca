import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerScript {
  /** A file URL, or bootstrap source code when `eval` is true. */
  source: URL | string;
  eval: boolean;
}

/**
 * Where the ONNX worker script is: a bundled `.mjs` next to the core host or compiled `.js`; in a dev
 * checkout the TypeScript source, loaded through a tiny bootstrap that registers tsx in the thread.
 */
export function resolveWorkerScript(): WorkerScript {
  for (const name of ['./onnx-worker.mjs', './onnx-worker.js']) {
    const url = new URL(name, import.meta.url);
    if (fs.existsSync(fileURLToPath(url))) return { source: url, eval: false };
  }
  const tsUrl = new URL('./onnx-worker.ts', import.meta.url).href;
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(tsUrl)}); });`;
  return { source: boot, eval: true };
}
