// Bundles the Electron main process, core host (ESM) and preload (CommonJS, as sandboxed preloads must be).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.mjs', format: 'esm', external: ['electron'] });
await build({ ...common, entryPoints: ['electron/core-host.ts'], outfile: 'dist/electron/core-host.mjs', format: 'esm' });
// ONNX worker threads: resolved next to the core host bundle (see src/embedding/worker-url.ts).
await build({ ...common, entryPoints: ['src/embedding/onnx-worker.ts'], outfile: 'dist/electron/onnx-worker.mjs', format: 'esm' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
console.log('electron bundles written to dist/electron');
