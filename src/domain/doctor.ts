import type { AuditVerification } from './cases.js';

/** One thing `seimon doctor` found: what, where, and what fixing it does (or did). */
export interface DoctorFinding {
  kind:
    | 'orphan-audio' // a stored file no recording names
    | 'missing-audio' // a recording whose stored file is gone
    | 'corrupt-audio' // a stored file whose bytes no longer match its name (SHA-256)
    | 'stray-temp' // a temporary file left by an interrupted import or download
    | 'empty-owner' // a performer or suspect created by a failed import, with nothing in it
    | 'partial-export'; // an evidence pack left half-written by a killed export
  path: string | null;
  objectId: string | null;
  /** What `--fix` does about it; null when only a person can decide. */
  fix: string | null;
  fixed: boolean;
}

/** The whole check of a data folder. */
export interface DoctorReport {
  dataDir: string;
  databaseFile: string;
  /** `PRAGMA integrity_check`: "ok" or the problems SQLite lists. */
  integrity: string[];
  auditChain: AuditVerification;
  storedFiles: number;
  findings: DoctorFinding[];
  /** True when nothing is wrong (after fixing, when `fix` was asked for). */
  healthy: boolean;
}
