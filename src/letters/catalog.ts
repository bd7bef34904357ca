// The platform catalog: designated large platforms from data/legal/platforms.json plus the operators
// users added (stored in the database), each with the regime it falls under.
import type { CoreContext } from '../core/context.js';
import type { LetterRegime, OperatorRegime, Platform } from '../domain/letters.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { insertOperator, listOperators } from '../store/letters.js';
import type { OperatorRow } from '../store/letters.js';
import { legalData } from './data/load.js';

const fromUser = (o: OperatorRow): Platform => ({
  id: o.id,
  name: o.name,
  operator: o.operator,
  services: o.services,
  regime: o.regime,
  designatedOn: null,
  intakeUrl: o.intakeUrl,
  language: o.language,
  source: 'user',
  kind: o.kind,
});

/** Every platform: the catalog's designated platforms first, then user-added operators. */
export function listPlatforms(ctx: CoreContext): Platform[] {
  const catalog: Platform[] = legalData().platforms.platforms.map((p) => ({
    id: p.id,
    name: p.services.join(' / '),
    operator: p.operator,
    services: p.services,
    regime: 'idpa-designated',
    designatedOn: p.designatedOn,
    intakeUrl: p.intakeUrl,
    language: p.language,
    source: 'catalog',
    kind: null,
  }));
  return [...catalog, ...listOperators(ctx.db).map(fromUser)];
}

/** A platform by id (LETTER_UNKNOWN_PLATFORM otherwise). */
export function getPlatform(ctx: CoreContext, id: string): Platform {
  const p = listPlatforms(ctx).find((x) => x.id === id);
  if (!p) throw new SeimonError('LETTER_UNKNOWN_PLATFORM', `No platform or operator with id ${id}. See: seimon letters platforms`);
  return p;
}

/** Adds an operator (an AI voice service, a video site) with the regime it falls under. */
export function addOperator(ctx: CoreContext, o: Omit<OperatorRow, 'id' | 'createdAt'>): Platform {
  return ctx.db.transaction(() => {
    const row = insertOperator(ctx.db, o);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letters.operator.add', objectType: 'operator', objectId: row.id, details: { ...o } });
    return fromUser(row);
  })();
}

const SUGGESTED: Record<OperatorRegime, LetterRegime> = {
  'idpa-designated': 'idpa',
  'idpa-other': 'guideline',
  dmca: 'dmca',
  dsa: 'dsa',
  youtube: 'youtube',
};

/** The letter a platform's regime suggests (a designated platform gets the Art 22 request). */
export const suggestedRegime = (p: Platform): LetterRegime => SUGGESTED[p.regime];
