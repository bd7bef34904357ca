-- index capture_artefacts_sha
CREATE INDEX capture_artefacts_sha ON capture_artefacts(sha256);

-- index capture_media_capture
CREATE INDEX capture_media_capture ON capture_media(capture_id);

-- index captures_suspect
CREATE INDEX captures_suspect ON captures(suspect_id, captured_at);

-- index case_events_case
CREATE INDEX case_events_case ON case_events(case_id, at);

-- index case_legal_history_case
CREATE INDEX case_legal_history_case ON case_legal_history(case_id, at);

-- index cases_status
CREATE INDEX cases_status ON cases(status, updated_at);

-- index evidence_exports_case
CREATE INDEX evidence_exports_case ON evidence_exports(case_id, created_at);

-- index letter_clocks_due
CREATE INDEX letter_clocks_due ON letter_clocks(closed_at, due_at);

-- index letter_edits_letter
CREATE INDEX letter_edits_letter ON letter_edits(letter_id, at);

-- index letter_responses_letter
CREATE INDEX letter_responses_letter ON letter_responses(letter_id, at);

-- index letters_case
CREATE INDEX letters_case ON letters(case_id, created_at);

-- index models_one_default
CREATE UNIQUE INDEX models_one_default ON models(is_default) WHERE is_default = 1;

-- index performers_name
CREATE INDEX performers_name ON performers(name);

-- index recordings_performer_sha
CREATE UNIQUE INDEX recordings_performer_sha ON recordings(performer_id, sha256) WHERE performer_id IS NOT NULL;

-- index recordings_sha
CREATE INDEX recordings_sha ON recordings(sha256);

-- index recordings_suspect_sha
CREATE UNIQUE INDEX recordings_suspect_sha ON recordings(suspect_id, sha256) WHERE suspect_id IS NOT NULL;

-- index screening_runs_model
CREATE INDEX screening_runs_model ON screening_runs(model_sha256, state, finished_at);

-- index suspect_field_history_suspect
CREATE INDEX suspect_field_history_suspect ON suspect_field_history(suspect_id, seq);

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

-- table calibration_history
CREATE TABLE calibration_history (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  model_sha256  TEXT NOT NULL,
  replaced_at   TEXT NOT NULL,
  calibration   TEXT NOT NULL
);

-- table capture_artefacts
CREATE TABLE capture_artefacts (
  capture_id  TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('screenshot', 'mhtml', 'text', 'printout', 'manifest', 'timestamp')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
  media_type  TEXT NOT NULL,
  PRIMARY KEY (capture_id, kind)
);

-- table capture_media
CREATE TABLE capture_media (
  id                TEXT PRIMARY KEY,
  capture_id        TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  url               TEXT NOT NULL,
  origin            TEXT NOT NULL,
  declared_type     TEXT,
  state             TEXT NOT NULL CHECK (state IN ('offered', 'fetched', 'not-fetchable')),
  reason            TEXT,
  http_status       INTEGER,
  response_headers  TEXT,
  sha256            TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  size_bytes        INTEGER,
  recording_id      TEXT REFERENCES recordings(id) ON DELETE SET NULL,
  fetched_at        TEXT
);

-- table captures
CREATE TABLE captures (
  id                TEXT PRIMARY KEY,
  suspect_id        TEXT NOT NULL REFERENCES suspects(id) ON DELETE CASCADE,
  requested_url     TEXT NOT NULL,
  final_url         TEXT NOT NULL,
  http_status       INTEGER,
  title             TEXT,
  captured_at       TEXT NOT NULL,
  captured_by       TEXT NOT NULL,
  manifest_sha256   TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
  record            TEXT NOT NULL,
  timestamp         TEXT NOT NULL
);

-- table case_events
CREATE TABLE case_events (
  case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  note         TEXT,
  actor        TEXT NOT NULL
);

-- table case_legal
CREATE TABLE case_legal (
  case_id                 TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  used_actual_recordings  TEXT NOT NULL CHECK (used_actual_recordings IN ('yes', 'no', 'unknown')),
  has_video               INTEGER NOT NULL CHECK (has_video IN (0, 1)),
  commercial_use          TEXT NOT NULL CHECK (commercial_use IN ('yes', 'no', 'unknown')),
  election_candidate      INTEGER NOT NULL CHECK (election_candidate IN (0, 1)),
  grounds                 TEXT NOT NULL,
  updated_at              TEXT NOT NULL
, extra TEXT NOT NULL DEFAULT '{}');

-- table case_legal_history
CREATE TABLE case_legal_history (
  case_id  TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  facts    TEXT NOT NULL,
  grounds  TEXT NOT NULL
);

-- table case_performers
CREATE TABLE case_performers (
  case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  performer_id  TEXT NOT NULL REFERENCES performers(id),
  PRIMARY KEY (case_id, performer_id)
);

-- table case_suspects
CREATE TABLE case_suspects (
  case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  suspect_id  TEXT NOT NULL REFERENCES suspects(id),
  PRIMARY KEY (case_id, suspect_id)
);

-- table cases
CREATE TABLE cases (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'answered', 'removed', 'refused', 'escalated')),
  platform       TEXT,
  legal_grounds  TEXT,
  notes          TEXT,
  model_id       TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- table embeddings
CREATE TABLE embeddings (
  file_sha256     TEXT NOT NULL CHECK (length(file_sha256) = 64),
  model_sha256    TEXT NOT NULL CHECK (length(model_sha256) = 64),
  hop_seconds     REAL NOT NULL CHECK (hop_seconds > 0),
  model_id        TEXT NOT NULL,
  dim             INTEGER NOT NULL CHECK (dim > 0),
  vector          BLOB NOT NULL,
  windows         TEXT NOT NULL,
  speech_seconds  REAL NOT NULL,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (file_sha256, model_sha256, hop_seconds)
);

-- table evidence_exports
CREATE TABLE evidence_exports (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  file_name    TEXT NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes   INTEGER NOT NULL,
  manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
  lang         TEXT NOT NULL,
  with_reference_audio INTEGER NOT NULL CHECK (with_reference_audio IN (0, 1)),
  created_at   TEXT NOT NULL
, redacted INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1)), with_other_performers INTEGER NOT NULL DEFAULT 1 CHECK (with_other_performers IN (0, 1)), timestamped INTEGER NOT NULL DEFAULT 0 CHECK (timestamped IN (0, 1)), signing_key TEXT);

-- table letter_clocks
CREATE TABLE letter_clocks (
  letter_id   TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  clock       TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  due_at      TEXT NOT NULL,
  due_on      TEXT,
  closed_at   TEXT,
  PRIMARY KEY (letter_id, clock)
);

-- table letter_edits
CREATE TABLE letter_edits (
  letter_id  TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  actor      TEXT NOT NULL
);

-- table letter_exports
CREATE TABLE letter_exports (
  id          TEXT PRIMARY KEY,
  letter_id   TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  format      TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'txt')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes  INTEGER NOT NULL,
  fields      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- table letter_operators
CREATE TABLE letter_operators (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  operator    TEXT NOT NULL,
  services    TEXT NOT NULL,
  regime      TEXT NOT NULL CHECK (regime IN ('idpa-designated', 'idpa-other', 'dmca', 'dsa', 'youtube')),
  intake_url  TEXT,
  language    TEXT NOT NULL,
  kind        TEXT NOT NULL,
  created_at  TEXT NOT NULL
, designated INTEGER NOT NULL DEFAULT 0 CHECK (designated IN (0, 1)), hosts TEXT NOT NULL DEFAULT '[]');

-- table letter_responses
CREATE TABLE letter_responses (
  letter_id  TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  note       TEXT,
  actor      TEXT NOT NULL
);

-- table letters
CREATE TABLE letters (
  id                    TEXT PRIMARY KEY,
  case_id               TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  regime                TEXT NOT NULL CHECK (regime IN ('idpa', 'guideline', 'dmca', 'dsa', 'youtube', 'warning')),
  form                  TEXT CHECK (form IN ('personality', 'copyright')),
  lang                  TEXT NOT NULL CHECK (lang IN ('ja', 'en')),
  platform_id           TEXT NOT NULL,
  status                TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'closed')),
  overrides             TEXT NOT NULL,
  confirmed             TEXT NOT NULL DEFAULT '[]',
  sent_at               TEXT,
  delivery_method       TEXT CHECK (delivery_method IN ('web-form', 'email', 'post', 'registered-post', 'hand')),
  received_on           TEXT,
  uploader_notified_at  TEXT,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
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
, consent TEXT, language TEXT NOT NULL DEFAULT 'ja');

-- table population_checks
CREATE TABLE population_checks (
  model_sha256   TEXT NOT NULL,
  enrolment_key  TEXT NOT NULL,
  computed_at    TEXT NOT NULL,
  check_json     TEXT NOT NULL,
  PRIMARY KEY (model_sha256, enrolment_key)
);

-- table recordings
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

-- table screening_results
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

-- table screening_runs
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
, population TEXT);

-- table settings
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
);

-- table suspect_field_history
CREATE TABLE suspect_field_history (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  suspect_id  TEXT NOT NULL REFERENCES suspects(id) ON DELETE CASCADE,
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT,
  source      TEXT NOT NULL CHECK (source IN ('user', 'page')),
  capture_id  TEXT,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL
);

-- table suspect_field_sources
CREATE TABLE suspect_field_sources (
  suspect_id    TEXT NOT NULL REFERENCES suspects(id) ON DELETE CASCADE,
  field         TEXT NOT NULL,
  capture_id    TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  value         TEXT NOT NULL,
  confirmed_at  TEXT,
  PRIMARY KEY (suspect_id, field)
);

-- table suspects
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
, post_title TEXT);

-- table trusted_keys
CREATE TABLE trusted_keys (
  fingerprint  TEXT PRIMARY KEY,
  public_key   TEXT NOT NULL,
  label        TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('installation', 'imported')),
  added_at     TEXT NOT NULL,
  retired_at   TEXT
);

-- table voiceprints
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

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
