/** Pure types and constants of evidence-pack verification, trusted keys and the examiner (the renderer sees these). */

/** Public time-stamping authorities a user may choose from; none is used unless the user picks one. */
export const KNOWN_TSAS: readonly { url: string; name: string }[] = [
  { url: 'http://timestamp.digicert.com', name: 'DigiCert' },
  { url: 'http://timestamp.sectigo.com', name: 'Sectigo' },
  { url: 'https://freetsa.org/tsr', name: 'FreeTSA' },
];

/** `verified`: contents intact and signed by a key the user trusts; `unknown-key`: intact but signed by a key nobody vouched for. */
export type PackVerdict = 'verified' | 'unknown-key' | 'failed';

/** How the members were held: the exact bytes Seimon wrote, another ZIP layout, or an extracted folder. */
export type PackContainer = 'original' | 'repacked' | 'folder';

export interface PackProblem {
  /** Stable code, e.g. EVIDENCE_MEMBER_CHANGED, EVIDENCE_SIGNATURE_BAD, EVIDENCE_KEY_MISMATCH. */
  code: string;
  reason: string;
  /** The member at fault, when there is one. */
  file: string | null;
}

export interface PackTimestampCheck {
  /** `valid`: an RFC 3161 token over manifest.json checked out; `none`: the pack has none (see note). */
  status: 'valid' | 'none';
  /** The time the TSA vouches for (ISO 8601). */
  time: string | null;
  /** The TSA certificate's subject. */
  subject: string | null;
  /** Whether the TSA certificate chains to a CA the verifier was given (null: no CA given). */
  chainTrusted: boolean | null;
  note: string | null;
}

/** What the audit log recorded about this pack, when the verifier has the data folder that wrote it. */
export interface PackRecordCheck {
  status: 'match' | 'mismatch' | 'not-recorded' | 'not-checked';
  exportId: string | null;
  recordedSha256: string | null;
  actualSha256: string | null;
}

/** What verifying a pack found. `ok` is true only for `verified`. */
export interface PackVerification {
  ok: boolean;
  verdict: PackVerdict;
  problem: PackProblem | null;
  container: PackContainer;
  files: number;
  signer: { fingerprint: string; known: boolean; label: string | null } | null;
  caseId: string | null;
  createdAt: string | null;
  /** Whether the pack is the redacted recipient version (null when the manifest does not say). */
  redacted: boolean | null;
  timestamp: PackTimestampCheck;
  record: PackRecordCheck;
}

/** A public key the user trusts to sign packs: the installation's (current or retired) or imported. */
export interface TrustedKey {
  fingerprint: string;
  publicKeyPem: string;
  label: string;
  source: 'installation' | 'imported';
  addedAt: string;
  retiredAt: string | null;
}

/** Who exported the pack and in what capacity (printed in every report; required to export). */
export interface Examiner {
  name: string;
  role: string;
}

/** Evidence settings: the examiner and the time-stamping authority (none by default). */
export interface EvidenceSettings {
  examiner: Examiner | null;
  tsaUrl: string | null;
}

/** What a pack leaves out. A recipient pack (the default for letters) leaves out all three. */
export interface PackRedaction {
  /** True for the recipient version: no reference audio, no other performers, no internal notes. */
  recipient: boolean;
  referenceAudio: boolean;
  otherPerformers: boolean;
  internalNotes: boolean;
}
