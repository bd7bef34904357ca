import type { InputOf, OperationName, OutputOf } from '../api/contract.js';
import { invoke } from '../api/invoke.js';
import type { CoreContext } from '../api/session.js';
import { SeimonError, closeCore, isSeimonError, openCore, resolveDataDir } from '../api/session.js';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** A failure the CLI reports: exit 2 for bad usage, 1 for everything else. */
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
export async function withCore<T>(opts: GlobalOptions, fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  let ctx: CoreContext;
  try {
    ctx = openCore(resolveDataDir(opts.dataDir), 'cli');
  } catch (e) {
    if (isSeimonError(e)) throw new CliFailure(1, e.code, e.message);
    throw e;
  }
  try {
    return await fn(ctx);
  } finally {
    closeCore(ctx);
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
  throw new CliFailure(res.error.code === 'INVALID_INPUT' ? 2 : 1, res.error.code, res.error.message);
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
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

export { SeimonError };
