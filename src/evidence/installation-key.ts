import type { CoreContext } from '../core/context.js';
import { appendAudit } from '../store/audit.js';
import { addTrustedKey, retireTrustedKey } from '../store/trusted-keys.js';
import { destroyPrivateKey, loadSigningKey } from './signing-key.js';
import type { SigningKey } from './signing-key.js';

const shortId = (fingerprint: string) => fingerprint.replace(/ /g, '').slice(0, 16);

/** The installation's signing key; its creation is audited and it is always among the trusted keys. */
export function installationKey(ctx: CoreContext): SigningKey {
  const { key, created } = loadSigningKey(ctx.dataDir);
  ctx.db.transaction(() => {
    if (created) {
      appendAudit(ctx.db, {
        actor: ctx.actor,
        action: 'signing-key.create',
        objectType: 'signing-key',
        objectId: shortId(key.fingerprint),
        details: { algorithm: key.algorithm, fingerprint: key.fingerprint, publicKey: key.publicKeyRaw.toString('base64') },
      });
    }
    addTrustedKey(ctx.db, { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, label: 'installation', source: 'installation', addedAt: new Date().toISOString() });
  })();
  return key;
}

/**
 * Replaces the installation key: the old private key is destroyed, its public key stays trusted
 * (marked retired) so packs it signed keep verifying as "known key".
 */
export function rotateInstallationKey(ctx: CoreContext): { retired: string; current: SigningKey } {
  const old = installationKey(ctx);
  const at = new Date().toISOString();
  retireTrustedKey(ctx.db, old.fingerprint, at);
  destroyPrivateKey(ctx.dataDir);
  const current = installationKey(ctx);
  appendAudit(ctx.db, {
    actor: ctx.actor,
    action: 'signing-key.rotate',
    objectType: 'signing-key',
    objectId: shortId(current.fingerprint),
    details: { retired: old.fingerprint, current: current.fingerprint },
  });
  return { retired: old.fingerprint, current };
}
