/** Stable error codes: the UI and CLI translate these, so never rename one. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_OPERATION',
  'NOT_FOUND',
  'DB_NOT_SQLITE',
  'DB_LOCKED',
  'DB_TOO_NEW',
  'DB_OPEN_FAILED',
  /** The database path names a folder, not a file. */
  'DB_IS_FOLDER',
  /** The data folder path names a file (or something else that is not a folder). */
  'DATA_DIR_NOT_FOLDER',
  /** The disk (or the user's quota) is full: nothing was half-written. */
  'DISK_FULL',
  'INTERNAL',
  'CANCELLED',
  /** The object is still referenced (e.g. a performer named by a case) and cannot be removed. */
  'IN_USE',
  /** A performer has no reference recordings (nothing to enroll). */
  'NO_REFERENCES',
  /** Screening needs at least one performer with references and one suspect with clips. */
  'NOTHING_TO_SCREEN',
  /** A suspect has no clips (nothing to compare). */
  'NO_CLIPS',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number] | `AUDIO_${string}` | `MODEL_${string}` | `SCORING_${string}` | `CASE_${string}` | `EVIDENCE_${string}` | `LETTER_${string}` | `CAPTURE_${string}`;

/** An error that carries a stable code, safe to show to a user. */
export class SeimonError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'SeimonError';
  }
}

export function isSeimonError(e: unknown): e is SeimonError {
  return e instanceof SeimonError;
}
