import type { CoreContext } from '../core/context.js';
import { appendAudit } from '../store/audit.js';
import { loadSigningKey } from './signing-key.js';
import type { SigningKey } from './signing-key.js';

/** The installation's signing key; its creation is recorded in the audit log. */
export function installationKey(ctx: CoreContext): SigningKey {
  const { key, created } = loadSigningKey(ctx.dataDir);
  if (created) {
    appendAudit(ctx.db, {
      actor: ctx.actor,
      action: 'signing-key.create',
      objectType: 'signing-key',
      objectId: key.fingerprint.replace(/ /g, '').slice(0, 16),
      details: { algorithm: key.algorithm, fingerprint: key.fingerprint, publicKey: key.publicKeyRaw.toString('base64') },
    });
  }
  return key;
}
