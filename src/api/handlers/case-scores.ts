import { getCase } from '../../store/cases.js';
import { citedScores } from '../../letters/scores.js';
import type { HandlerGroup } from './types.js';

/** The scores a case rests on (what its letters cite), for the case page. */
export const caseScoreHandlers: HandlerGroup<'cases.scores'> = {
  'cases.scores': (ctx, input) => {
    const c = getCase(ctx.db, input.id);
    return citedScores(ctx.db, c.id, c.performers.map((p) => p.id), c.suspects.map((s) => s.id));
  },
};
