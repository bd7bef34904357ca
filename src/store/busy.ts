import { SeimonError } from '../core/errors.js';

/** Retries after SQLite's own busy timeout ran out: a few more tries with growing, jittered pauses. */
const RETRY_PAUSES_MS = [50, 150, 400];

const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
};

/** Blocks the thread for a moment (transactions are synchronous in better-sqlite3). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs one write transaction; when the database stays busy (another process writing) it is rolled
 * back and tried again, then reported as DB_LOCKED naming the file, never as an internal error.
 */
export function withBusyRetry<T>(file: string, run: () => T): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return run();
    } catch (e) {
      if (!isBusy(e)) throw e;
      const wait = RETRY_PAUSES_MS[attempt];
      if (wait === undefined) {
        throw new SeimonError(
          'DB_LOCKED',
          `${file} is locked by another process (another Seimon window or command is writing). Nothing was changed; try again.`,
        );
      }
      pause(wait + Math.floor(Math.random() * wait));
    }
  }
}
