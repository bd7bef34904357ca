// What a pack leaves out: internal notes (case, performer, suspect) unless the user keeps them.
import type { CaseDetail } from '../../domain/cases.js';
import type { PackRedaction } from '../../domain/evidence.js';
import type { Performer, Suspect } from '../../domain/index.js';

/** The redaction of a recipient pack: no reference audio, no other performers, no internal notes. */
export const RECIPIENT_REDACTION: PackRedaction = { recipient: true, referenceAudio: false, otherPerformers: false, internalNotes: false };

/** The case as the pack shows it (history notes and case notes only in internal packs that keep them). */
export function redactCase(c: CaseDetail, r: PackRedaction): CaseDetail {
  if (r.internalNotes) return c;
  return { ...c, notes: null, history: c.history.map((h) => ({ ...h, note: null })), exports: [] };
}

export function redactPerformer(p: Performer, r: PackRedaction): Performer {
  return r.internalNotes ? p : { ...p, notes: null };
}

export function redactSuspect(s: Suspect, r: PackRedaction): Suspect {
  return r.internalNotes ? s : { ...s, notes: null };
}
