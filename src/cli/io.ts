import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext } from '../api/session.js';
import { SeimonError, closeCore, isSeimonError, openSession, resolveDataDir } from '../api/session.js';
import type { InputOf, OperationName, OutputOf } from '../api/contract.js';
import { invoke } from '../api/invoke.js';
import { exitCodeFor } from './exit-codes.js';
import { escapeBidiJson } from '../core/bidi.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** A failure the CLI reports, with its exit code (see exit-codes.ts). */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Opens the core for one command and always closes it. */
export async function withCore<T>(
  opts: GlobalOptions,
  fn: (ctx: CoreContext) => Promise<T>,
  session: { sweep?: boolean } = {},
): Promise<T> {
  let ctx: CoreContext;
  try {
    ctx = openSession(resolveDataDir(opts.dataDir), 'cli', session);
  } catch (e) {
    if (isSeimonError(e)) throw new CliFailure(exitCodeFor(e.code), e.code, e.message);
    throw e;
  }
  try {
    return await fn(ctx);
  } finally {
    closeCore(ctx);
  }
}

/**
 * For operations that need no data (decode, probe, fbank): a core on a private temporary folder,
 * removed afterwards, so the user's data folder is neither created nor touched.
 */
export async function withScratchCore<T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seimon-cli-'));
  try {
    return await withCore({ dataDir: dir }, fn);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one operation through the same handler map and validation the app uses. */
export async function call<K extends OperationName>(
  ctx: CoreContext,
  op: K,
  input: InputOf<K>,
): Promise<OutputOf<K>> {
  const res = await invoke<K>(ctx, op, input);
  if (res.ok) return res.value;
  throw new CliFailure(exitCodeFor(res.error.code), res.error.code, res.error.message);
}

/** Waits for a background job the way the app does: polling `jobs.status` until it ends. */
export async function waitForJob(ctx: CoreContext, id: string, onProgress?: (job: OutputOf<'jobs.status'>) => void): Promise<OutputOf<'jobs.status'>> {
  for (;;) {
    const job = await call(ctx, 'jobs.status', { id });
    onProgress?.(job);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(escapeBidiJson(JSON.stringify(value, null, 2)) + '\n'); // exact data; no bidi control reorders the terminal
}

export { SeimonError };
/** The open core a command works on (commands pass it to `call`, never look inside). */
export type Session = CoreContext;
