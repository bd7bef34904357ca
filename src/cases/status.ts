// The case workflow: which status may follow which. Removed is final; a refusal may still be escalated.
import type { CaseStatus } from '../domain/cases.js';
import { SeimonError } from '../core/errors.js';

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['sent'],
  sent: ['answered', 'removed', 'refused', 'escalated'],
  answered: ['removed', 'refused', 'escalated'],
  refused: ['escalated'],
  escalated: ['removed', 'refused'],
  removed: [],
};

/** Statuses a case in `from` may move to. */
export function nextStatuses(from: CaseStatus): CaseStatus[] {
  return [...NEXT[from]];
}

/** Throws CASE_BAD_TRANSITION unless `from` → `to` is allowed. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!NEXT[from].includes(to)) {
    const allowed = NEXT[from].length ? NEXT[from].join(', ') : 'none (final)';
    throw new SeimonError('CASE_BAD_TRANSITION', `A case cannot go from ${from} to ${to}; allowed next: ${allowed}.`, { from, to });
  }
}
