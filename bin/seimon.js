#!/usr/bin/env node
// The `seimon` command: runs the TypeScript CLI through tsx, so it always matches the sources.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
