// Everything a letter is filled from, read from the store in one place: the case, its performers and
// suspects (provenance, clips with SHA-256), the latest evidence pack, scores, facts and grounds.
import type { CoreContext } from '../core/context.js';
import type { Performer, Suspect } from '../domain/index.js';
import type { Case, EvidenceExport } from '../domain/cases.js';
import type { CaseFacts, Platform, Requester } from '../domain/letters.js';
import { getCase, listExports } from '../store/cases.js';
import { getCaseLegal, getRequester } from '../store/letters.js';
import { getPerformer } from '../store/performers.js';
import { getSuspect } from '../store/suspects.js';
import { getBands } from '../store/settings.js';
import type { VerdictBand } from '../scoring/verdict.js';
import type { PrintoutAttachment } from '../domain/capture.js';
import { printoutAttachments } from './printouts.js';
import { citedScores } from './scores.js';
import { vouchedScore } from '../workbench/population-statement.js';
import type { PopulationFigures } from '../domain/index.js';
import type { CitedScore } from './scores.js';

export interface LetterSource {
  case: Case;
  performers: Performer[];
  suspects: Suspect[];
  /** The newest evidence pack fit to send to a recipient (no reference audio); null when none. */
  pack: EvidenceExport | null;
  /** A newer pack exists that is not fit to send (an internal pack), so it is neither cited nor attached. */
  unfitPack: EvidenceExport | null;
  /** Scores as they may be stated: a band the population check does not vouch for is withheld. */
  scores: (CitedScore & { population: PopulationFigures | null })[];
  bands: readonly VerdictBand[];
  facts: CaseFacts;
  grounds: string[];
  requester: Requester;
  platform: Platform;
  /** Page printouts (captures) of the case's suspects, to attach where forms ask for one. */
  printouts: PrintoutAttachment[];
  now: Date;
}

/** A pack fit to go to a recipient: the redacted version, with no reference audio and no other performers. */
export const fitForRecipient = (e: EvidenceExport): boolean => e.redacted && !e.withReferenceAudio && !e.withOtherPerformers;

/**
 * Which pack a letter may cite and attach: only the redacted recipient version (the performers'
 * recordings and other performers' data stay on this machine). Exports are newest first; `unfitPack`
 * is a newer internal pack the letter leaves out, so the editor can say why.
 */
export function recipientPack(exports: readonly EvidenceExport[]): { pack: EvidenceExport | null; unfitPack: EvidenceExport | null } {
  const pack = exports.find(fitForRecipient) ?? null;
  const newest = exports[0] ?? null;
  return { pack, unfitPack: newest && newest !== pack && !fitForRecipient(newest) ? newest : null };
}

/** Reads a case's letter material. */
export function letterSource(ctx: CoreContext, caseId: string, platform: Platform, now = new Date()): LetterSource {
  const c = getCase(ctx.db, caseId);
  const performers = c.performers.map((p) => getPerformer(ctx.db, p.id));
  const suspects = c.suspects.map((s) => getSuspect(ctx.db, s.id));
  const legal = getCaseLegal(ctx.db, caseId);
  const figures = new Map<string, PopulationFigures | null>();
  return {
    case: c,
    performers,
    suspects,
    ...recipientPack(listExports(ctx.db, caseId)),
    scores: citedScores(ctx.db, caseId, performers.map((p) => p.id), suspects.map((s) => s.id)).map((s) => vouchedScore(ctx, s, figures)),
    bands: getBands(ctx.db),
    facts: legal.facts,
    grounds: legal.grounds,
    requester: getRequester(ctx.db),
    platform,
    printouts: printoutAttachments(ctx, caseId),
    now,
  };
}
