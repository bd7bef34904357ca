// The members every pack carries besides the evidence, and the order Seimon writes them in.
// manifest.json is the signed root; SHA256SUMS restates its file list for `sha256sum -c`.
import type { ManifestFile } from './manifest.js';
import { MANIFEST_NAME, SIGNATURE_NAME } from './manifest.js';

/** `sha256sum` lines for every listed file except itself. */
export const SUMS_NAME = 'SHA256SUMS';
/** The raw 64-byte Ed25519 signature over manifest.json (for `openssl pkeyutl -verify`). */
export const RAW_SIGNATURE_NAME = 'manifest.sig';
/** The signing public key as SPKI PEM (for openssl and Python). */
export const PUBLIC_KEY_NAME = 'signing-key.pem';
/** An RFC 3161 time-stamp response over manifest.json's SHA-256, when a TSA answered. */
export const TIMESTAMP_NAME = 'timestamp.tsr';
/** Standalone verification steps in Japanese and English. */
export const VERIFY_NAME = 'VERIFY.txt';

/** Members about manifest.json, so it cannot list them. */
export const UNLISTED: readonly string[] = [MANIFEST_NAME, SIGNATURE_NAME, RAW_SIGNATURE_NAME, TIMESTAMP_NAME];

/** SHA256SUMS: `<hex>  <path>` per listed file (not itself), in manifest order, LF line ends. */
export function sha256sums(files: readonly ManifestFile[]): Buffer {
  return Buffer.from(files.filter((f) => f.path !== SUMS_NAME).map((f) => `${f.sha256}  ${f.path}\n`).join(''), 'utf8');
}

/** The order Seimon writes members in: the unlisted ones that are present, then the manifest's files. */
export function writtenOrder(files: readonly ManifestFile[], present: ReadonlySet<string>): string[] {
  return [...UNLISTED.filter((n) => present.has(n)), ...files.map((f) => f.path)];
}
