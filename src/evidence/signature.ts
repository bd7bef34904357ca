// signature.json: an Ed25519 signature over the exact bytes of manifest.json, with the public key.
import { sign, verify } from 'node:crypto';
import { fingerprintOf, publicKeyFromRaw } from './signing-key.js';
import type { SigningKey } from './signing-key.js';
import { MANIFEST_NAME } from './pack/manifest.js';

export interface SignatureFile {
  algorithm: 'Ed25519';
  signedFile: typeof MANIFEST_NAME;
  /** Base64 of the 64-byte signature. */
  signature: string;
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  publicKeyPem: string;
  fingerprint: string;
}

/** The raw 64-byte Ed25519 signature over manifest bytes (manifest.sig). */
export function rawSignature(bytes: Uint8Array, key: SigningKey): Buffer {
  return sign(null, bytes, key.privateKey);
}

/** signature.json for manifest bytes and their raw signature. */
export function signManifest(bytes: Uint8Array, key: SigningKey, raw = rawSignature(bytes, key)): Buffer {
  const body: SignatureFile = {
    algorithm: 'Ed25519',
    signedFile: MANIFEST_NAME,
    signature: raw.toString('base64'),
    publicKey: key.publicKeyRaw.toString('base64'),
    publicKeyPem: key.publicKeyPem,
    fingerprint: key.fingerprint,
  };
  return Buffer.from(JSON.stringify(body, null, 2) + '\n', 'utf8');
}

/** Checks signature.json against manifest bytes; returns the signer's fingerprint, or why it fails. */
export function checkSignature(
  signatureJson: Uint8Array,
  manifest: Uint8Array,
): { ok: true; fingerprint: string; signature: Buffer; publicKeyPem: string } | { ok: false; reason: string } {
  let s: Partial<SignatureFile>;
  try {
    s = JSON.parse(Buffer.from(signatureJson).toString('utf8')) as Partial<SignatureFile>;
  } catch {
    return { ok: false, reason: 'signature.json is not readable JSON' };
  }
  if (s.algorithm !== 'Ed25519' || s.signedFile !== MANIFEST_NAME || typeof s.signature !== 'string' || typeof s.publicKey !== 'string')
    return { ok: false, reason: 'signature.json is incomplete' };
  const raw = Buffer.from(s.publicKey, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== s.publicKey) return { ok: false, reason: 'malformed public key' };
  const fingerprint = fingerprintOf(raw);
  if (s.fingerprint !== fingerprint) return { ok: false, reason: 'fingerprint does not match the public key' };
  const pem = publicKeyFromRaw(raw).export({ format: 'pem', type: 'spki' }) as string;
  const canonical: SignatureFile = { algorithm: 'Ed25519', signedFile: MANIFEST_NAME, signature: s.signature, publicKey: s.publicKey, publicKeyPem: pem, fingerprint };
  // Only the exact bytes this writer produces are accepted, so no byte of the file goes unchecked.
  if (!Buffer.from(JSON.stringify(canonical, null, 2) + '\n', 'utf8').equals(Buffer.from(signatureJson)))
    return { ok: false, reason: 'signature.json was altered' };
  const sig = Buffer.from(s.signature, 'base64');
  if (sig.length !== 64 || sig.toString('base64') !== s.signature) return { ok: false, reason: 'malformed signature' };
  let good: boolean;
  try {
    good = verify(null, manifest, publicKeyFromRaw(raw), sig);
  } catch {
    good = false;
  }
  return good ? { ok: true, fingerprint, signature: sig, publicKeyPem: pem } : { ok: false, reason: 'signature does not match manifest.json' };
}
