// pkijs set up with Node's WebCrypto, and the small conversions the time-stamp code shares.
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

let ready = false;

/** pkijs with Node's WebCrypto as its engine (set once). */
export function pki(): typeof pkijs {
  if (!ready) {
    pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'] }));
    ready = true;
  }
  return pkijs;
}

/** A fresh ArrayBuffer holding these bytes (pkijs and asn1js want ArrayBuffers). */
export function arrayBufferOf(b: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return out;
}

/** Parses DER, or null when the bytes are not one whole ASN.1 value. */
export function parseDer(b: Uint8Array): asn1js.AsnType | null {
  const r = asn1js.fromBER(arrayBufferOf(b));
  return r.offset === -1 || r.offset !== b.byteLength ? null : r.result;
}

const NAMES: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

/** A certificate's subject as "CN=…, O=…, C=…". */
export function subjectOf(cert: pkijs.Certificate): string {
  return cert.subject.typesAndValues
    .map((tv) => `${NAMES[tv.type] ?? tv.type}=${String((tv.value.valueBlock as { value?: unknown }).value ?? '')}`)
    .join(', ');
}

/** Certificates from PEM text (one or more BEGIN CERTIFICATE blocks). */
export function certificatesFromPem(pem: string): pkijs.Certificate[] {
  const p = pki();
  const out: pkijs.Certificate[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    const der = parseDer(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
    if (der) out.push(new p.Certificate({ schema: der }));
  }
  return out;
}
