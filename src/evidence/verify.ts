// Pack verification, defined on the members (names and bytes), not on the ZIP bytes: the pack Seimon
// wrote, a re-packed ZIP and an extracted folder verify alike; only the container verdict differs.
// Order: names, signature over manifest.json, the key the manifest names, every member against the
// manifest, SHA256SUMS, the key printed in the reports, the time-stamp token, then which key signed.
import type { PackProblem, PackVerification } from '../domain/evidence.js';
import { sha256Hex as sha256Of, sha256OfFile } from './hash.js';
import { openPackMembers } from './members/open.js';
import { PackReadError } from './members/source.js';
import type { PackMembers } from './members/source.js';
import { MANIFEST_NAME, SIGNATURE_NAME } from './pack/manifest.js';
import { PUBLIC_KEY_NAME, RAW_SIGNATURE_NAME, SUMS_NAME, TIMESTAMP_NAME, UNLISTED, sha256sums, writtenOrder } from './pack/layout.js';
import { parseManifest } from './pack/parse-manifest.js';
import type { ParsedManifest } from './pack/parse-manifest.js';
import { reportKeyProblem } from './report-key.js';
import { checkSignature } from './signature.js';
import { checkTimestampToken } from './timestamp/verify-token.js';
import { firstDuplicate, unsafeNameReason } from './zip/names.js';

export interface VerifyOptions {
  /** Keys the verifier trusts (their own installation's, imported ones, `--key`). */
  trusted: readonly { fingerprint: string; label: string }[];
  /** CA certificates (PEM) the TSA's certificate should chain to; none: the chain is not judged. */
  tsaCaPems?: readonly string[];
  /** What the audit log recorded for a manifest (only with the data folder that wrote the pack). */
  recordOf?: (manifestSha256: string) => { exportId: string; sha256: string } | null;
}

class Failure extends Error {
  constructor(readonly problem: PackProblem) {
    super(problem.reason);
  }
}
const fail = (code: string, reason: string, file: string | null = null): never => {
  throw new Failure({ code, reason, file });
};

function checkNames(p: PackMembers): void {
  for (const m of p.members) {
    const why = unsafeNameReason(m.name);
    if (why) fail('EVIDENCE_UNSAFE_NAME', `refused: unsafe member name (${why})`, m.name);
  }
  const dup = firstDuplicate(p.members.map((m) => m.name));
  if (dup) fail('EVIDENCE_DUPLICATE_MEMBER', 'refused: duplicate member name', dup);
  for (const n of [MANIFEST_NAME, SIGNATURE_NAME]) if (!p.members.some((m) => m.name === n)) fail('EVIDENCE_MEMBER_MISSING', `${n} is missing`, n);
}

function memberSha(p: PackMembers, name: string): string {
  try {
    return p.sha256(name);
  } catch (e) {
    if (e instanceof PackReadError) return fail('EVIDENCE_MEMBER_CHANGED', e.message, name);
    throw e;
  }
}

function checkMembers(p: PackMembers, m: ParsedManifest): void {
  const listed = new Set(m.files.map((f) => f.path));
  for (const e of p.members) if (!listed.has(e.name) && !UNLISTED.includes(e.name)) fail('EVIDENCE_MEMBER_EXTRA', 'file not in the manifest', e.name);
  const sizes = new Map(p.members.map((e) => [e.name, e.size]));
  for (const f of m.files) {
    const size = sizes.get(f.path);
    if (size === undefined) fail('EVIDENCE_MEMBER_MISSING', 'file listed in the manifest is missing', f.path);
    if (size !== f.size) fail('EVIDENCE_MEMBER_CHANGED', `size mismatch (manifest ${f.size}, pack ${size})`, f.path);
    if (memberSha(p, f.path) !== f.sha256) fail('EVIDENCE_MEMBER_CHANGED', 'SHA-256 mismatch', f.path);
  }
  if (m.formatVersion < 2) return;
  if (!listed.has(SUMS_NAME)) fail('EVIDENCE_MEMBER_MISSING', `${SUMS_NAME} is not listed in the manifest`, SUMS_NAME);
  if (!p.read(SUMS_NAME).equals(sha256sums(m.files)) || m.files.find((f) => f.path === SUMS_NAME)?.sha256 !== m.sha256sums)
    fail('EVIDENCE_MEMBER_CHANGED', `${SUMS_NAME} does not restate the manifest`, SUMS_NAME);
}

/** The raw signature and PEM copies must be the same signature and key signature.json carries. */
function checkCopies(p: PackMembers, sig: { signature: Buffer; publicKeyPem: string }, m: ParsedManifest): void {
  if (m.formatVersion < 2) return;
  const has = (n: string) => p.members.some((e) => e.name === n);
  if (!has(RAW_SIGNATURE_NAME)) fail('EVIDENCE_MEMBER_MISSING', `${RAW_SIGNATURE_NAME} is missing`, RAW_SIGNATURE_NAME);
  if (!p.read(RAW_SIGNATURE_NAME).equals(sig.signature)) fail('EVIDENCE_SIGNATURE_BAD', `${RAW_SIGNATURE_NAME} differs from the signature in ${SIGNATURE_NAME}`, RAW_SIGNATURE_NAME);
  if (has(PUBLIC_KEY_NAME) && p.read(PUBLIC_KEY_NAME).toString('utf8') !== sig.publicKeyPem)
    fail('EVIDENCE_KEY_MISMATCH', `${PUBLIC_KEY_NAME} is not the key that signed the manifest`, PUBLIC_KEY_NAME);
}

async function verifyMembers(p: PackMembers, o: VerifyOptions, base: PackVerification): Promise<PackVerification> {
  checkNames(p);
  const manifestBytes = p.read(MANIFEST_NAME);
  const sig = checkSignature(p.read(SIGNATURE_NAME), manifestBytes);
  if (!sig.ok) fail('EVIDENCE_SIGNATURE_BAD', `bad signature: ${sig.reason}`, SIGNATURE_NAME);
  const signed = sig as Extract<typeof sig, { ok: true }>;
  const m = parseManifest(manifestBytes);
  if (typeof m === 'string') return fail('EVIDENCE_MANIFEST_BAD', m, MANIFEST_NAME);
  if (m.signingKey !== signed.fingerprint)
    fail('EVIDENCE_KEY_MISMATCH', `the manifest names key ${m.signingKey || '(none)'} but the pack is signed by key ${signed.fingerprint}`, MANIFEST_NAME);
  checkCopies(p, signed, m);
  checkMembers(p, m);
  if (m.formatVersion >= 2) {
    const r = reportKeyProblem(p, signed.fingerprint);
    if (r) fail('EVIDENCE_REPORT_KEY_MISMATCH', r.reason, r.file);
  }
  const hasToken = p.members.some((e) => e.name === TIMESTAMP_NAME);
  let timestamp = { ...base.timestamp, note: m.timestampNote };
  if (hasToken) {
    const t = await checkTimestampToken(p.read(TIMESTAMP_NAME), manifestBytes, o.tsaCaPems ?? []);
    if (!t.ok) fail('EVIDENCE_TIMESTAMP_INVALID', `time-stamp token: ${t.reason}`, TIMESTAMP_NAME);
    const good = t as Extract<typeof t, { ok: true }>;
    if (good.chainTrusted === false) fail('EVIDENCE_TIMESTAMP_UNTRUSTED', 'the time-stamp certificate does not chain to the TSA certificate you gave', TIMESTAMP_NAME);
    timestamp = { status: 'valid', time: good.time, subject: good.subject, chainTrusted: good.chainTrusted, note: m.timestampNote };
  } else if (m.timestampExpected) fail('EVIDENCE_MEMBER_MISSING', `the manifest says a time-stamp token was obtained but ${TIMESTAMP_NAME} is missing`, TIMESTAMP_NAME);
  const order = writtenOrder(m.files, new Set(p.members.map((e) => e.name)));
  const inOrder = p.members.length === order.length && p.members.every((e, i) => e.name === order[i]);
  const known = o.trusted.find((k) => k.fingerprint === signed.fingerprint);
  const verdict = known ? 'verified' : 'unknown-key';
  return {
    ...base,
    ok: verdict === 'verified',
    verdict,
    problem: known ? null : { code: 'EVIDENCE_UNKNOWN_KEY', reason: `contents intact, but signed by key ${signed.fingerprint}, which is not among your trusted keys`, file: SIGNATURE_NAME },
    container: p.container === 'original' && !inOrder ? 'repacked' : p.container,
    files: m.files.length,
    signer: { fingerprint: signed.fingerprint, known: Boolean(known), label: known?.label ?? null },
    caseId: m.caseId,
    createdAt: m.createdAt,
    redacted: m.redacted,
    timestamp,
    record: recordCheck(o, base, manifestBytes),
  };
}

function recordCheck(o: VerifyOptions, base: PackVerification, manifestBytes: Buffer): PackVerification['record'] {
  if (!o.recordOf) return base.record;
  const rec = o.recordOf(sha256Of(manifestBytes));
  if (!rec) return { ...base.record, status: 'not-recorded' };
  const actual = base.record.actualSha256;
  return { status: actual === rec.sha256 ? 'match' : 'mismatch', exportId: rec.exportId, recordedSha256: rec.sha256, actualSha256: actual };
}

/**
 * Verifies a pack file or an extracted pack folder. Problems with the pack's contents come back as a
 * `failed` verdict with a code; a path that is missing or not a pack throws a SeimonError.
 */
export async function verifyPack(target: string, o: VerifyOptions = { trusted: [] }): Promise<PackVerification> {
  const p = openPackMembers(target);
  const base: PackVerification = {
    ok: false,
    verdict: 'failed',
    problem: null,
    container: p.container,
    files: 0,
    signer: null,
    caseId: null,
    createdAt: null,
    redacted: null,
    timestamp: { status: 'none', time: null, subject: null, chainTrusted: null, note: null },
    record: { status: 'not-checked', exportId: null, recordedSha256: null, actualSha256: p.container === 'folder' ? null : sha256OfFile(target) },
  };
  try {
    return await verifyMembers(p, o, base);
  } catch (e) {
    if (e instanceof Failure) return { ...base, problem: e.problem };
    if (e instanceof PackReadError) return { ...base, problem: { code: 'EVIDENCE_MEMBER_CHANGED', reason: e.message, file: e.member } };
    throw e;
  } finally {
    p.close();
  }
}
