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
import { citedScores } from './scores.js';
import { vouchedScore } from '../workbench/population-statement.js';
import type { PopulationFigures } from '../domain/index.js';
import type { CitedScore } from './scores.js';

export interface LetterSource {
  case: Case;
  performers: Performer[];
  suspects: Suspect[];
  pack: EvidenceExport | null;
  /** Scores as they may be stated: a band the population check does not vouch for is withheld. */
  scores: (CitedScore & { population: PopulationFigures | null })[];
  bands: readonly VerdictBand[];
  facts: CaseFacts;
  grounds: string[];
  requester: Requester;
  platform: Platform;
  now: Date;
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
    pack: listExports(ctx.db, caseId)[0] ?? null,
    scores: citedScores(ctx.db, caseId, performers.map((p) => p.id), suspects.map((s) => s.id)).map((s) => vouchedScore(ctx, s, figures)),
    bands: getBands(ctx.db),
    facts: legal.facts,
    grounds: legal.grounds,
    requester: getRequester(ctx.db),
    platform,
    now,
  };
}
