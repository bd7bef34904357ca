/**
 * The workbench: performers' consent, recordings in the content store (references and suspect clips),
 * voiceprints per model, suspects, screening runs and their results, and settings.
 */
export const sql = `
ALTER TABLE performers ADD COLUMN consent TEXT;

CREATE TABLE suspects (
  id              TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('voice_model', 'clip')),
  label           TEXT NOT NULL,
  service         TEXT,
  operator        TEXT,
  character_name  TEXT,
  url             TEXT,
  platform        TEXT,
  uploader        TEXT,
  posted_at       TEXT,
  captured_at     TEXT,
  found_at        TEXT,
  notes           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE TABLE recordings (
  id             TEXT PRIMARY KEY,
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes     INTEGER NOT NULL CHECK (size_bytes > 0),
  original_name  TEXT NOT NULL,
  role           TEXT NOT NULL CHECK (role IN ('reference', 'suspect')),
  performer_id   TEXT REFERENCES performers(id) ON DELETE CASCADE,
  suspect_id     TEXT REFERENCES suspects(id) ON DELETE CASCADE,
  sample_rate    INTEGER NOT NULL,
  channels       INTEGER NOT NULL,
  container      TEXT NOT NULL,
  codec          TEXT NOT NULL,
  quality        TEXT NOT NULL,
  weak_reasons   TEXT,
  provenance     TEXT NOT NULL,
  added_at       TEXT NOT NULL,
  CHECK ((role = 'reference' AND performer_id IS NOT NULL AND suspect_id IS NULL)
      OR (role = 'suspect' AND suspect_id IS NOT NULL AND performer_id IS NULL))
);
CREATE UNIQUE INDEX recordings_performer_sha ON recordings(performer_id, sha256) WHERE performer_id IS NOT NULL;
CREATE UNIQUE INDEX recordings_suspect_sha ON recordings(suspect_id, sha256) WHERE suspect_id IS NOT NULL;
CREATE INDEX recordings_sha ON recordings(sha256);

CREATE TABLE voiceprints (
  performer_id     TEXT NOT NULL REFERENCES performers(id) ON DELETE CASCADE,
  model_sha256     TEXT NOT NULL CHECK (length(model_sha256) = 64),
  model_id         TEXT NOT NULL,
  dim              INTEGER NOT NULL CHECK (dim > 0),
  vector           BLOB NOT NULL,
  reference_count  INTEGER NOT NULL,
  window_count     INTEGER NOT NULL,
  speech_seconds   REAL NOT NULL,
  references_key   TEXT NOT NULL,
  built_at         TEXT NOT NULL,
  PRIMARY KEY (performer_id, model_sha256)
);

CREATE TABLE screening_runs (
  id             TEXT PRIMARY KEY,
  model_id       TEXT NOT NULL,
  model_sha256   TEXT NOT NULL CHECK (length(model_sha256) = 64),
  calibrated     INTEGER NOT NULL CHECK (calibrated IN (0, 1)),
  state          TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'failed')),
  started_at     TEXT NOT NULL,
  finished_at    TEXT,
  performers     TEXT NOT NULL,
  suspects       TEXT NOT NULL,
  skipped        TEXT NOT NULL
);
CREATE INDEX screening_runs_model ON screening_runs(model_sha256, state, finished_at);

CREATE TABLE screening_results (
  run_id        TEXT NOT NULL REFERENCES screening_runs(id) ON DELETE CASCADE,
  suspect_id    TEXT NOT NULL,
  performer_id  TEXT NOT NULL,
  rank          INTEGER NOT NULL,
  raw_cosine    REAL NOT NULL,
  normalized    REAL,
  llr           REAL,
  percent       REAL,
  band          TEXT NOT NULL,
  PRIMARY KEY (run_id, suspect_id, performer_id)
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);
`;
