// What manifest.json says: every other file's hash and size, plus everything needed to reproduce the
// scores (model bytes and manifest, parameters, thresholds, calibration) and the software that made it.

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'signature.json';
export const PACK_FORMAT = 'seimon-evidence-pack';
/** 2: SHA256SUMS, manifest.sig, signing-key.pem, VERIFY.txt, redaction, examiner, time-stamp. */
export const PACK_FORMAT_VERSION = 2;

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

/** Whether a trusted time-stamp token over this manifest is in the pack (timestamp.tsr), and why not. */
export interface ManifestTimestamp {
  status: 'obtained' | 'not-configured' | 'unavailable';
  tsa: string | null;
  note: string;
}

export interface PackManifest {
  format: typeof PACK_FORMAT;
  formatVersion: typeof PACK_FORMAT_VERSION;
  createdAt: string;
  createdBy: string;
  software: { name: 'Seimon'; version: string; node: string; platform: string };
  language: 'ja' | 'en';
  case: {
    id: string;
    title: string;
    status: string;
    platform: string | null;
    legalGrounds: string | null;
    /** The grounds chosen on the case, with how their facts stood when the pack was made. */
    grounds: { id: string; name: { ja: string; en: string }; status: string }[];
    /** The case's facts the grounds were judged on (internal packs only; null in the recipient version). */
    facts: Record<string, unknown> | null;
  };
  examiner: { name: string; role: string };
  /** What this pack leaves out; `recipient: true` is the redacted version letters attach. */
  redaction: { recipient: boolean; referenceAudio: boolean; otherPerformers: boolean; internalNotes: boolean };
  timestamp: ManifestTimestamp;
  /** SHA-256 of SHA256SUMS (so `sha256sum -c` checks files the signature covers). */
  sha256sums: string;
  signingKey: { algorithm: 'Ed25519'; fingerprint: string; publicKey: string };
  model: { id: string; sha256: string; sizeBytes: number; calibrated: boolean; manifest: Record<string, unknown> };
  parameters: Record<string, unknown>;
  thresholds: Record<string, unknown>;
  calibration: Record<string, unknown> | null;
  errorRates: unknown;
  referenceAudioIncluded: boolean;
  audit: { chainVerified: boolean; totalEntries: number; headSeq: number | null; headHash: string | null; includedEntries: number };
  files: ManifestFile[];
}

/** The exact bytes written as manifest.json (the signature covers these bytes, not a re-serialisation). */
export function manifestBytes(m: PackManifest): Buffer {
  return Buffer.from(JSON.stringify(m, null, 2) + '\n', 'utf8');
}
