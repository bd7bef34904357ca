// Asks a time-stamping authority (RFC 3161 over HTTP) for a token over manifest.json's SHA-256.
// The answer must be granted, over exactly that digest, with our nonce, and its signature must verify.
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { SeimonError } from '../../core/errors.js';
import { SHA256_OID, arrayBufferOf, pki } from './asn1.js';
import { parseResponse } from './token.js';
import { checkTimestampToken } from './verify-token.js';

/** DER of a TimeStampReq for SHA-256 `digest`, asking for the TSA certificate, with a nonce. */
export function timestampRequest(digest: Buffer, nonce: Buffer): Buffer {
  const p = pki();
  const req = new p.TimeStampReq({
    version: 1,
    messageImprint: new p.MessageImprint({
      hashAlgorithm: new p.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: arrayBufferOf(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: arrayBufferOf(nonce) }),
    certReq: true,
  });
  return Buffer.from(req.toSchema().toBER(false));
}

const failed = (url: string, why: string) => new SeimonError('EVIDENCE_TSA_FAILED', `The time-stamping authority ${url} gave no usable token: ${why}.`);

/** Requests and checks a token; returns the response DER as the pack stores it (timestamp.tsr). */
export async function requestTimestamp(url: string, manifest: Uint8Array, timeoutMs = 15_000): Promise<Buffer> {
  const digest = createHash('sha256').update(manifest).digest();
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] ?? 0) & 0x7f || 1; // positive INTEGER with no leading zero byte
  let body: Buffer;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: timestampRequest(digest, nonce),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw failed(url, `HTTP ${res.status}`);
    body = Buffer.from(await res.arrayBuffer());
  } catch (e) {
    if (e instanceof SeimonError) throw e;
    throw failed(url, e instanceof Error ? e.message : 'no answer');
  }
  const t = parseResponse(body);
  if (typeof t === 'string') throw failed(url, t);
  if (!t.nonce?.equals(nonce)) throw failed(url, 'the answer does not carry our nonce');
  const check = await checkTimestampToken(body, manifest, []);
  if (!check.ok) throw failed(url, check.reason);
  return body;
}
