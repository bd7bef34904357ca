import { SeimonError } from './errors.js';

/** True for "no space left" from the OS or SQLite (including a full quota). */
export function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** The error a user sees when the disk is full while writing `what`. */
export function diskFull(what: string): SeimonError {
  return new SeimonError('DISK_FULL', `The disk is full: ${what} could not be written. Nothing was half-written; free some space and try again.`);
}

/** Rethrows a disk-full failure as DISK_FULL, anything else unchanged. */
export function rethrowDiskFull(e: unknown, what: string): never {
  if (isDiskFull(e)) throw diskFull(what);
  throw e;
}
