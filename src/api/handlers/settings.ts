import type { Settings } from '../contract.js';
import type { CoreContext } from '../../core/context.js';
import { appendAudit } from '../../store/audit.js';
import { getBands, saveBands } from '../../store/settings.js';
import type { HandlerGroup } from './types.js';

function settingsOf(ctx: CoreContext): Settings {
  return { bands: getBands(ctx.db).map(({ key, minPercent, labelJa, labelEn }) => ({ key, minPercent, labelJa, labelEn })) };
}

/** Workbench settings (verdict bands). */
export const settingsHandlers: HandlerGroup<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => settingsOf(ctx),
  'settings.update': (ctx, input) =>
    ctx.db.transaction(() => {
      saveBands(ctx.db, input.bands);
      appendAudit(ctx.db, { actor: ctx.actor, action: 'settings.bands', objectType: 'settings', objectId: 'verdict.bands', details: { bands: input.bands } });
      return settingsOf(ctx);
    })(),
};
