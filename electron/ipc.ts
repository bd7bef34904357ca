import type { Result } from '../src/core/result.js';
import { isCliOnlyOperation, isOperationName } from '../src/api/contract.js';
import { validateInput } from '../src/api/validate.js';

export const INVOKE_CHANNEL = 'seimon:invoke';

/** Sends a validated call to the core host and resolves with its Result. */
export type ForwardToCore = (op: string, input: unknown) => Promise<Result<unknown>>;

/**
 * What the main process does with every call from a window: refuse untrusted senders, refuse
 * unknown operations, validate the input against the contract, then forward to the core host.
 * The e2e harness calls this same function, so both paths validate identically.
 */
export async function routeInvoke(
  senderTrusted: boolean,
  op: unknown,
  input: unknown,
  forward: ForwardToCore,
): Promise<Result<unknown>> {
  if (!senderTrusted) return { ok: false, error: { code: 'INVALID_INPUT', message: 'Call from an untrusted frame refused' } };
  // Operations that take local paths or addresses exist for the command line only: a window never reaches them.
  if (!isOperationName(op) || isCliOnlyOperation(op)) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Unknown operation: ${String(op)}` } };
  const checked = validateInput(op, input);
  if (!checked.ok) return checked;
  return forward(op, input);
}

/** The subset of ipcMain the binding needs. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/** Binds the single invoke channel; the sender's frame URL must be the app's own. */
export function bindIpc(ipcMain: IpcMainLike, isTrustedUrl: (url: string) => boolean, forward: ForwardToCore): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, op, input) =>
    routeInvoke(event.senderFrame !== null && isTrustedUrl(event.senderFrame.url), op, input, forward),
  );
}
