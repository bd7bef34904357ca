/** Trusted signing keys (own installation's, current and retired, and imported ones); what each export left out. */
export const sql = `
CREATE TABLE trusted_keys (
  fingerprint  TEXT PRIMARY KEY,
  public_key   TEXT NOT NULL,
  label        TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('installation', 'imported')),
  added_at     TEXT NOT NULL,
  retired_at   TEXT
);

ALTER TABLE evidence_exports ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1));
ALTER TABLE evidence_exports ADD COLUMN with_other_performers INTEGER NOT NULL DEFAULT 1 CHECK (with_other_performers IN (0, 1));
ALTER TABLE evidence_exports ADD COLUMN timestamped INTEGER NOT NULL DEFAULT 0 CHECK (timestamped IN (0, 1));
ALTER TABLE evidence_exports ADD COLUMN signing_key TEXT;
`;
