-- index models_one_default
CREATE UNIQUE INDEX models_one_default ON models(is_default) WHERE is_default = 1;

-- index performers_name
CREATE INDEX performers_name ON performers(name);

-- table audit_log
CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  object_type TEXT,
  object_id   TEXT,
  details     TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);

-- table embeddings
CREATE TABLE embeddings (
  file_sha256     TEXT NOT NULL CHECK (length(file_sha256) = 64),
  model_sha256    TEXT NOT NULL CHECK (length(model_sha256) = 64),
  model_id        TEXT NOT NULL,
  dim             INTEGER NOT NULL CHECK (dim > 0),
  vector          BLOB NOT NULL,
  windows         TEXT NOT NULL,
  speech_seconds  REAL NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (file_sha256, model_sha256)
);

-- table models
CREATE TABLE models (
  id            TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  file          TEXT NOT NULL,
  sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size_bytes    INTEGER NOT NULL CHECK (size_bytes > 0),
  preset        TEXT NOT NULL CHECK (preset IN ('wespeaker', '3dspeaker')),
  manifest      TEXT NOT NULL,
  bundled       INTEGER NOT NULL DEFAULT 0 CHECK (bundled IN (0, 1)),
  is_default    INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  installed_at  TEXT NOT NULL
);

-- table performers
CREATE TABLE performers (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kana        TEXT,
  romaji      TEXT,
  agency      TEXT,
  notes       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
