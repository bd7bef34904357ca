// Reading an RFC 3161 TimeStampResp: its status, token (CMS SignedData) and TSTInfo.
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { parseDer, pki } from './asn1.js';

export const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
export const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';

export interface ParsedToken {
  signed: pkijs.SignedData;
  info: pkijs.TSTInfo;
  genTime: Date;
  imprintAlgorithm: string;
  imprint: Buffer;
  nonce: Buffer | null;
}

/** The token inside a granted response, or why there is none. */
export function parseResponse(der: Uint8Array): ParsedToken | string {
  const p = pki();
  const asn = parseDer(der);
  if (!asn) return 'not a DER-encoded time-stamp response (truncated or damaged)';
  let resp: pkijs.TimeStampResp;
  try {
    resp = new p.TimeStampResp({ schema: asn });
  } catch {
    return 'not a time-stamp response';
  }
  const status = resp.status.status;
  if (status !== 0 && status !== 1) return `the TSA refused the request (status ${status})`;
  if (!resp.timeStampToken || resp.timeStampToken.contentType !== SIGNED_DATA_OID) return 'the response holds no time-stamp token';
  try {
    const signed = new p.SignedData({ schema: resp.timeStampToken.content });
    if (signed.encapContentInfo.eContentType !== TST_INFO_OID || !signed.encapContentInfo.eContent) return 'the token does not hold TSTInfo';
    const eContent = signed.encapContentInfo.eContent;
    const infoDer = parseDer(new Uint8Array(eContent.getValue()));
    if (!infoDer) return 'the token\u2019s TSTInfo is damaged';
    const info = new p.TSTInfo({ schema: infoDer });
    const nonce = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : null;
    return {
      signed,
      info,
      genTime: info.genTime,
      imprintAlgorithm: info.messageImprint.hashAlgorithm.algorithmId,
      imprint: Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView),
      nonce,
    };
  } catch (e) {
    return `the token is malformed (${e instanceof Error ? e.message : 'unreadable'})`;
  }
}

export { asn1js };
