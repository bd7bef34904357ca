#!/usr/bin/env node
// The `seimon` command: runs the compiled CLI, or the TypeScript sources through tsx in a dev checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
let entry = compiled;
if (!existsSync(fileURLToPath(compiled))) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(`${root}src/cli/main.ts`);
}
const { runCli } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2));
