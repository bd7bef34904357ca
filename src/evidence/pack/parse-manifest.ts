// Reads what the verifier needs from manifest.json, refusing anything that is not a pack manifest.
import type { ManifestFile } from './manifest.js';
import { PACK_FORMAT } from './manifest.js';

export interface ParsedManifest {
  formatVersion: number;
  files: ManifestFile[];
  caseId: string;
  createdAt: string;
  signingKey: string;
  sha256sums: string | null;
  redacted: boolean | null;
  /** True when the manifest says a TSA was asked and answered (so timestamp.tsr must be there). */
  timestampExpected: boolean;
  timestampNote: string | null;
}

type Raw = {
  format?: unknown;
  formatVersion?: unknown;
  files?: unknown;
  case?: { id?: unknown };
  createdAt?: unknown;
  signingKey?: { fingerprint?: unknown };
  sha256sums?: unknown;
  redaction?: { recipient?: unknown };
  timestamp?: { status?: unknown; tsa?: unknown; note?: unknown };
};

const okFile = (f: ManifestFile) => typeof f?.path === 'string' && /^[0-9a-f]{64}$/.test(f.sha256) && Number.isSafeInteger(f.size) && f.size >= 0;

/** The manifest's fields, or why it is not a pack manifest. */
export function parseManifest(bytes: Buffer): ParsedManifest | string {
  let m: Raw;
  try {
    m = JSON.parse(bytes.toString('utf8')) as Raw;
  } catch {
    return 'manifest.json is not readable JSON';
  }
  if (m === null || typeof m !== 'object' || m.format !== PACK_FORMAT || !Array.isArray(m.files)) return 'manifest.json is not a Seimon evidence manifest';
  const files = m.files as ManifestFile[];
  if (!files.every(okFile)) return 'manifest.json lists a malformed file entry';
  const version = typeof m.formatVersion === 'number' ? m.formatVersion : 1;
  const ts = m.timestamp;
  return {
    formatVersion: version,
    files,
    caseId: String(m.case?.id ?? ''),
    createdAt: String(m.createdAt ?? ''),
    signingKey: typeof m.signingKey?.fingerprint === 'string' ? m.signingKey.fingerprint : '',
    sha256sums: typeof m.sha256sums === 'string' ? m.sha256sums : null,
    redacted: typeof m.redaction?.recipient === 'boolean' ? m.redaction.recipient : null,
    timestampExpected: ts?.status === 'obtained',
    timestampNote: typeof ts?.note === 'string' ? ts.note : null,
  };
}
