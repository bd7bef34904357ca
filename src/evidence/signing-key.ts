// The installation's Ed25519 key: made on first use inside the data folder, private half readable by
// the owner only. Packs carry the public key; reports print its fingerprint so a recipient can compare.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SigningKeyInfo } from '../domain/cases.js';
import { sha256Hex } from './hash.js';

export const KEY_DIR = 'keys';
const PRIVATE_FILE = 'installation-ed25519.key';

export interface SigningKey extends SigningKeyInfo {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key. */
  publicKeyRaw: Buffer;
}

/** SHA-256 of a raw public key, hex in groups of four ("ab12 cd34 …"). */
export function fingerprintOf(publicKeyRaw: Uint8Array): string {
  return sha256Hex(publicKeyRaw).match(/.{4}/g)!.join(' ');
}

/** The raw 32-byte Ed25519 public key of a key object. */
export function rawPublicKey(pub: KeyObject): Buffer {
  const jwk = pub.export({ format: 'jwk' }) as { x?: string };
  return Buffer.from(jwk.x ?? '', 'base64url');
}

/** A public key object from its raw 32 bytes. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** Writes the PEM only if no key exists yet (link is atomic and refuses to replace), mode 0600. */
function createKeyFile(file: string): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, pem);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first: use theirs
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Loads the installation key, creating it on first use; `created` says whether this call made it. */
export function loadSigningKey(dataDir: string): { key: SigningKey; created: boolean } {
  const dir = path.join(dataDir, KEY_DIR);
  const file = path.join(dir, PRIVATE_FILE);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const created = !fs.existsSync(file);
  if (created) createKeyFile(file);
  const privateKey = createPrivateKey(fs.readFileSync(file));
  const publicKey = createPublicKey(privateKey);
  const publicKeyRaw = rawPublicKey(publicKey);
  return {
    created,
    key: {
      algorithm: 'Ed25519',
      privateKey,
      publicKey,
      publicKeyRaw,
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }) as string,
      fingerprint: fingerprintOf(publicKeyRaw),
    },
  };
}

/** Deletes the installation's private key so the next use makes a new one (key rotation). */
export function destroyPrivateKey(dataDir: string): void {
  fs.rmSync(path.join(dataDir, KEY_DIR, PRIVATE_FILE), { force: true });
}

/** A fingerprint as users type it: 64 hex digits, spaces and colons ignored, case-insensitive. */
export function normaliseFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex.match(/.{4}/g)!.join(' ') : null;
}

/** An Ed25519 public key from PEM (SPKI) text; null when the text is not one. */
export function publicKeyFromPem(pem: string): { raw: Buffer; pem: string; fingerprint: string } | null {
  try {
    const k = createPublicKey({ key: pem, format: 'pem' });
    if (k.asymmetricKeyType !== 'ed25519') return null;
    const raw = rawPublicKey(k);
    return { raw, pem: k.export({ format: 'pem', type: 'spki' }) as string, fingerprint: fingerprintOf(raw) };
  } catch {
    return null;
  }
}
