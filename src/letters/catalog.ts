// The platform catalog: designated large platforms from data/legal/platforms.json plus the operators
// users added (stored in the database), each with the regime it falls under.
import type { CoreContext } from '../core/context.js';
import type { LetterRegime, OperatorRegime, Platform } from '../domain/letters.js';
import { SeimonError } from '../core/errors.js';
import { appendAudit } from '../store/audit.js';
import { insertOperator, listOperators, updateOperator } from '../store/letters.js';
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
  designated: o.designated,
  hosts: o.hosts,
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
    designated: true,
    hosts: p.hosts,
  }));
  return [...catalog, ...listOperators(ctx.db).map(fromUser)];
}

/** A platform by id (LETTER_UNKNOWN_PLATFORM otherwise). */
export function getPlatform(ctx: CoreContext, id: string): Platform {
  const p = listPlatforms(ctx).find((x) => x.id === id);
  if (!p) throw new SeimonError('LETTER_UNKNOWN_PLATFORM', `No platform or operator with id ${id}. See: seimon letters platforms`);
  return p;
}

/** Normalises host names typed by a user (or taken from URLs): lower case, no scheme, path or www. */
export function normaliseHosts(hosts: readonly string[]): string[] {
  const out = hosts.map((h) => {
    const t = h.trim().toLowerCase();
    let host: string;
    try {
      host = new URL(t.includes('://') ? t : `https://${t}`).hostname;
    } catch {
      throw new SeimonError('INVALID_INPUT', `Not a host name: ${h}`);
    }
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host)) throw new SeimonError('INVALID_INPUT', `Not a host name: ${h}`);
    return host.replace(/^www\./, '');
  });
  return [...new Set(out)];
}

/** Adds an operator (an AI voice service, a video site), designated or not, with its services' hosts. */
export function addOperator(ctx: CoreContext, input: Omit<OperatorRow, 'id' | 'createdAt'>): Platform {
  const o = { ...input, hosts: normaliseHosts(input.hosts), regime: input.designated ? ('idpa-designated' as const) : input.regime === 'idpa-designated' ? ('idpa-other' as const) : input.regime };
  return ctx.db.transaction(() => {
    const row = insertOperator(ctx.db, o);
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letters.operator.add', objectType: 'operator', objectId: row.id, details: { ...o } });
    return fromUser(row);
  })();
}

/** Marks a user-added operator designated or not, or replaces its hosts. */
export function changeOperator(ctx: CoreContext, id: string, change: { designated?: boolean | undefined; hosts?: string[] | undefined }): Platform {
  const hosts = change.hosts ? normaliseHosts(change.hosts) : undefined;
  return ctx.db.transaction(() => {
    const row = updateOperator(ctx.db, id, { designated: change.designated, hosts });
    appendAudit(ctx.db, { actor: ctx.actor, action: 'letters.operator.change', objectType: 'operator', objectId: id, details: { designated: row.designated, hosts: row.hosts } });
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

/** The letter a platform suggests (only a designated platform gets the Art 22 request). */
export const suggestedRegime = (p: Platform): LetterRegime => (p.designated ? 'idpa' : SUGGESTED[p.regime === 'idpa-designated' ? 'idpa-other' : p.regime]);
