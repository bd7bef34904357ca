/** Pure types of cases and evidence packs (no runtime imports: the renderer sees these). */
import type { CaseFacts, GroundAssessment, Text } from './letters.js';

/** Where a takedown request stands. 送付 = sent, 回答 = answered, 削除 = removed, 拒否 = refused. */
export const CASE_STATUSES = ['draft', 'sent', 'answered', 'removed', 'refused', 'escalated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One status change, as kept in the case's history (and in the audit log). */
export interface CaseEvent {
  at: string;
  from: CaseStatus | null;
  to: CaseStatus;
  note: string | null;
  actor: string;
}

/** An evidence pack written for a case. */
export interface EvidenceExport {
  id: string;
  /** File name inside `<dataDir>/exports/`. */
  fileName: string;
  sha256: string;
  sizeBytes: number;
  manifestSha256: string;
  lang: 'ja' | 'en';
  withReferenceAudio: boolean;
  /**
   * True for the recipient version (no reference audio, no other performers, no internal notes): the
   * only kind a letter may attach. Older exports, made before redaction existed, read as false.
   */
  redacted: boolean;
  /** Whether other performers' names and scores were included (internal packs, when ticked). */
  withOtherPerformers: boolean;
  /** Whether a trusted time-stamp token is in the pack. */
  timestamped: boolean;
  /** Fingerprint of the key that signed it (null for exports made before keys were recorded). */
  signingKey: string | null;
  createdAt: string;
}

/** A takedown matter: suspects, the performers they imitate, where, on what grounds, and how it stands. */
export interface Case {
  id: string;
  title: string;
  status: CaseStatus;
  platform: string | null;
  legalGrounds: string | null;
  notes: string | null;
  /** Model the case's scores are computed with; null means the default model at the time. */
  modelId: string | null;
  performers: { id: string; name: string }[];
  suspects: { id: string; label: string }[];
  createdAt: string;
  updatedAt: string;
}

/** A case with its history and exports. */
/** The grounds chosen on a case (names and how their facts stand) and its facts, for summaries and packs. */
export interface CaseLegalSummary {
  grounds: { id: string; name: Text; status: GroundAssessment['status'] }[];
  facts: CaseFacts;
}

export interface CaseDetail extends Case {
  legal: CaseLegalSummary;
  history: CaseEvent[];
  exports: EvidenceExport[];
  /** Statuses it may move to next. */
  nextStatuses: CaseStatus[];
}

/** The installation's signing key, as shown to users and printed in reports. */
export interface SigningKeyInfo {
  algorithm: 'Ed25519';
  publicKeyPem: string;
  /** SHA-256 of the raw 32-byte public key, hex in groups of four. */
  fingerprint: string;
}

/** What walking the audit log's hash chain found. */
export type AuditVerification =
  | { ok: true; count: number; headSeq: number | null; headHash: string | null }
  | { ok: false; count: number; brokenAt: number; action: string; at: string; reason: string };
