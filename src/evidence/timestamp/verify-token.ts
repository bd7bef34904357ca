// Checks a time-stamp response against manifest.json: the imprint is manifest.json's SHA-256, the
// CMS signature verifies with the TSA certificate in the token, and (when CA certificates are given)
// that certificate chains to one of them at the stamped time.
import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { SHA256_OID, arrayBufferOf, certificatesFromPem, subjectOf } from './asn1.js';
import { parseResponse } from './token.js';

export type TokenCheck = { ok: true; time: string; subject: string; chainTrusted: boolean | null } | { ok: false; reason: string };

function signerCertificate(signed: pkijs.SignedData): pkijs.Certificate | null {
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => 'subject' in c);
  const sid = signed.signerInfos[0]?.sid as { serialNumber?: { isEqual(o: unknown): boolean } } | undefined;
  return certs.find((c) => sid?.serialNumber?.isEqual(c.serialNumber)) ?? certs[0] ?? null;
}

/** Whether the CMS signature verifies (and, with `checkChain`, the certificate chains to `trustedCerts`). */
async function signatureGood(signed: pkijs.SignedData, params: pkijs.SignedDataVerifyParams): Promise<boolean> {
  try {
    const r = await signed.verify({ signer: 0, ...params, extendedMode: true });
    return r.signatureVerified === true;
  } catch {
    return false;
  }
}

/** Verifies a time-stamp response over manifest.json. */
export async function checkTimestampToken(responseDer: Uint8Array, manifest: Uint8Array, caPems: readonly string[]): Promise<TokenCheck> {
  const t = parseResponse(responseDer);
  if (typeof t === 'string') return { ok: false, reason: t };
  if (t.imprintAlgorithm !== SHA256_OID) return { ok: false, reason: 'the token is not over a SHA-256 digest' };
  if (!t.imprint.equals(createHash('sha256').update(manifest).digest())) return { ok: false, reason: 'the token is over another file, not this manifest.json' };
  const cert = signerCertificate(t.signed);
  if (!cert) return { ok: false, reason: 'the token carries no TSA certificate' };
  const data = arrayBufferOf(manifest); // pkijs re-checks the TSTInfo imprint against it
  if (!(await signatureGood(t.signed, { data, checkChain: false }))) return { ok: false, reason: 'the TSA signature does not verify' };
  let chainTrusted: boolean | null = null;
  if (caPems.length) chainTrusted = await signatureGood(t.signed, { data, trustedCerts: caPems.flatMap(certificatesFromPem), checkChain: true, checkDate: t.genTime });
  return { ok: true, time: t.genTime.toISOString(), subject: subjectOf(cert), chainTrusted };
}
