import type { FieldIssue, Result } from '../core/result.js';
import { isSeimonError } from '../core/errors.js';
import type { SeimonError } from '../core/errors.js';
import type { OperationName, OutputOf } from './contract.js';
import { isOperationName } from './contract.js';
import { validateInput } from './validate.js';
import type { CoreContext } from '../core/context.js';
import { handlers } from './handlers.js';
import { databaseFileOf } from '../store/open-core.js';
import { lockedError } from '../store/database.js';
import { diskFull, isDiskFull } from '../core/disk-full.js';

/** A busy database or a full disk reported by SQLite or the OS, said as what it is. */
function lowLevelError(ctx: CoreContext, e: unknown): SeimonError | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return lockedError(databaseFileOf(ctx));
  if (isDiskFull(e)) return diskFull(`a file in ${ctx.dataDir}`);
  return null;
}

/**
 * The one entry point every shell uses (IPC, CLI, e2e harness): validates the input against the
 * contract, runs the handler and turns any failure into a Result with a stable code.
 */
export async function invoke<K extends OperationName>(
  ctx: CoreContext,
  op: K | string,
  rawInput: unknown,
): Promise<Result<OutputOf<K>>> {
  if (!isOperationName(op)) {
    return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${String(op)}` } };
  }
  const parsed = validateInput(op, rawInput);
  if (!parsed.ok) return parsed;
  try {
    const run = handlers[op] as (c: CoreContext, i: unknown) => unknown;
    const value = (await run(ctx, parsed.value)) as OutputOf<K>;
    return { ok: true, value };
  } catch (e) {
    if (isSeimonError(e)) {
      // Errors that list what is wrong (e.g. LETTER_INCOMPLETE) carry it as field issues for the UI.
      const issues = e.details?.issues as FieldIssue[] | undefined;
      return { ok: false, error: { code: e.code, message: e.message, ...(issues ? { issues } : {}) } };
    }
    const low = lowLevelError(ctx, e);
    if (low) return { ok: false, error: { code: low.code, message: low.message } };
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      return {
        ok: false,
        error: {
          code: 'IN_USE',
          message: 'This is still named by a case or another record (evidence must not lose what it is about); nothing was changed.',
        },
      };
    return { ok: false, error: { code: 'INTERNAL', message: (e as Error).message ?? String(e) } };
  }
}

