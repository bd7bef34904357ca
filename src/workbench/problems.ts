import { isSeimonError } from '../core/errors.js';

/** One item a batch had to leave out, with a stable code. */
export interface ItemProblem {
  item: string;
  code: string;
  message: string;
}

/**
 * Turns a per-item failure into a problem the batch records and moves past. Cancellation and
 * failures that are not about the item (database, model) are rethrown.
 */
export function itemProblem(item: string, e: unknown): ItemProblem {
  if (isSeimonError(e) && (e.code.startsWith('AUDIO_') || e.code === 'NO_REFERENCES')) {
    return { item, code: e.code, message: e.message };
  }
  throw e;
}
