import fs from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../core/context.js';
import { SeimonError } from '../../core/errors.js';
import type { SigningKeyInfo } from '../../domain/cases.js';
import type { PackVerification } from '../../domain/evidence.js';
import { installationKey, rotateInstallationKey } from '../../evidence/installation-key.js';
import { exportEvidencePack } from '../../evidence/pack/export.js';
import { normaliseFingerprint, publicKeyFromPem } from '../../evidence/signing-key.js';
import { verifyPack } from '../../evidence/verify.js';
import { appendAudit } from '../../store/audit.js';
import { findExportByManifest } from '../../store/cases.js';
import { getEvidenceSettings, saveEvidenceSettings } from '../../store/evidence-settings.js';
import { addTrustedKey, getTrustedKey, listTrustedKeys, removeImportedKey } from '../../store/trusted-keys.js';
import type { HandlerGroup } from './types.js';

type EvidenceOps =
  | 'evidence.export'
  | 'evidence.exportTo'
  | 'evidence.verify'
  | 'evidence.verifyPath'
  | 'evidence.key'
  | 'evidence.keys'
  | 'evidence.trustKey'
  | 'evidence.untrustKey'
  | 'evidence.rotateKey'
  | 'evidence.settings'
  | 'evidence.updateSettings';

/** Where packs exported through the API go: the renderer cannot name paths, so the core picks the folder. */
export function exportsDir(ctx: CoreContext): string {
  return path.join(ctx.dataDir, 'exports');
}

/** `<case id>-<UTC time>.zip`, unique within the exports folder. */
function exportName(caseId: string, now = new Date()): string {
  return `${caseId}-${now.toISOString().replace(/[:.]/g, '').replace('T', '-')}.zip`;
}

const keyInfo = ({ algorithm, publicKeyPem, fingerprint }: SigningKeyInfo): SigningKeyInfo => ({ algorithm, publicKeyPem, fingerprint });

/** Trusted keys plus the ones given for this check (fingerprints or PEM); a bad one is EVIDENCE_BAD_KEY. */
function trustedFor(ctx: CoreContext, extra: readonly string[]): { fingerprint: string; label: string }[] {
  installationKey(ctx);
  const out = listTrustedKeys(ctx.db).map((k) => ({ fingerprint: k.fingerprint, label: k.retiredAt ? `${k.label} (retired)` : k.label }));
  for (const k of extra) {
    const fp = k.includes('BEGIN') ? publicKeyFromPem(k)?.fingerprint : normaliseFingerprint(k);
    if (!fp) throw new SeimonError('EVIDENCE_BAD_KEY', 'The key given is neither an Ed25519 public key (PEM) nor a 64-hex-digit fingerprint.');
    out.push({ fingerprint: fp, label: 'given with --key' });
  }
  return out;
}

async function verifyWithCore(ctx: CoreContext, target: string, keys: readonly string[], tsaCaPems: readonly string[]): Promise<PackVerification> {
  return verifyPack(target, {
    trusted: trustedFor(ctx, keys),
    tsaCaPems,
    recordOf: (manifestSha256) => {
      const e = findExportByManifest(ctx.db, manifestSha256);
      return e ? { exportId: e.id, sha256: e.sha256 } : null;
    },
  });
}

/** Evidence packs, signing keys and evidence settings. */
export const evidenceHandlers: HandlerGroup<EvidenceOps> = {
  'evidence.export': async (ctx, input) => {
    const dir = exportsDir(ctx);
    fs.mkdirSync(dir, { recursive: true });
    const { path: _path, files: _files, ...record } = await exportEvidencePack(ctx, { ...input, out: path.join(dir, exportName(input.caseId)) });
    return record;
  },

  'evidence.exportTo': (ctx, input) => exportEvidencePack(ctx, { ...input, out: path.resolve(input.out) }),

  'evidence.verify': (ctx, input) => verifyWithCore(ctx, path.join(exportsDir(ctx), path.basename(input.fileName)), [], []),

  'evidence.verifyPath': (ctx, input) => verifyWithCore(ctx, path.resolve(input.path), input.keys, input.tsaCaPems),

  'evidence.key': (ctx) => keyInfo(installationKey(ctx)),

  'evidence.keys': (ctx) => {
    installationKey(ctx);
    return listTrustedKeys(ctx.db);
  },

  'evidence.trustKey': (ctx, input) => {
    const k = publicKeyFromPem(input.publicKeyPem);
    if (!k) throw new SeimonError('EVIDENCE_BAD_KEY', 'That is not an Ed25519 public key.');
    ctx.db.transaction(() => {
      if (addTrustedKey(ctx.db, { fingerprint: k.fingerprint, publicKeyPem: k.pem, label: input.label, source: 'imported', addedAt: new Date().toISOString() }))
        appendAudit(ctx.db, { actor: ctx.actor, action: 'signing-key.trust', objectType: 'signing-key', objectId: k.fingerprint.replace(/ /g, '').slice(0, 16), details: { fingerprint: k.fingerprint, label: input.label } });
    })();
    return getTrustedKey(ctx.db, k.fingerprint)!;
  },

  'evidence.untrustKey': (ctx, input) => {
    if (!removeImportedKey(ctx.db, input.fingerprint))
      throw new SeimonError('EVIDENCE_BAD_KEY', 'Only imported keys can be removed; this installation\'s keys stay trusted so its packs keep verifying.');
    appendAudit(ctx.db, { actor: ctx.actor, action: 'signing-key.untrust', objectType: 'signing-key', objectId: input.fingerprint.replace(/ /g, '').slice(0, 16), details: { fingerprint: input.fingerprint } });
    return listTrustedKeys(ctx.db);
  },

  'evidence.rotateKey': (ctx) => keyInfo(rotateInstallationKey(ctx).current),

  'evidence.settings': (ctx) => getEvidenceSettings(ctx.db),

  'evidence.updateSettings': (ctx, input) =>
    ctx.db.transaction(() => {
      const s = saveEvidenceSettings(ctx.db, { examiner: input.examiner, tsaUrl: input.tsaUrl });
      appendAudit(ctx.db, { actor: ctx.actor, action: 'settings.evidence', objectType: 'settings', objectId: 'evidence', details: { ...s } });
      return s;
    })(),
};
