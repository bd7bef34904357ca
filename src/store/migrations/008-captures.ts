/**
 * Page captures: the page a suspect voice was found on, as one browser saw it at one time, with every
 * artefact in the content store under its SHA-256; media the page exposed; suspect fields prefilled
 * from the page (marked with their capture until the user confirms them) and every field change kept.
 */
export const sql = `
ALTER TABLE suspects ADD COLUMN post_title TEXT;

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
CREATE INDEX captures_suspect ON captures(suspect_id, captured_at);

CREATE TABLE capture_artefacts (
  capture_id  TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('screenshot', 'mhtml', 'text', 'printout', 'manifest', 'timestamp')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
  media_type  TEXT NOT NULL,
  PRIMARY KEY (capture_id, kind)
);
CREATE INDEX capture_artefacts_sha ON capture_artefacts(sha256);

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
CREATE INDEX capture_media_capture ON capture_media(capture_id);

CREATE TABLE suspect_field_sources (
  suspect_id    TEXT NOT NULL REFERENCES suspects(id) ON DELETE CASCADE,
  field         TEXT NOT NULL,
  capture_id    TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
  value         TEXT NOT NULL,
  confirmed_at  TEXT,
  PRIMARY KEY (suspect_id, field)
);

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
CREATE INDEX suspect_field_history_suspect ON suspect_field_history(suspect_id, seq);
`;
