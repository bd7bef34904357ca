import type { CoreContext } from '../core/context.js';
export type { CoreContext } from '../core/context.js';
import { closeCore, openCore } from '../store/open-core.js';
import type { InputOf, OperationName, OutputOf } from '../api/contract.js';
import { invoke } from '../api/invoke.js';
import { resolveDataDir } from '../core/data-dir.js';
import { SeimonError, isSeimonError } from '../core/errors.js';

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

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

export { SeimonError };
