/**
 * Cases: a takedown matter grouping suspects and matched performers, with its status history and the
 * evidence packs exported for it. Performers and suspects named by a case cannot be deleted under it
 * (plain foreign keys): evidence must not lose what it is about.
 */
export const sql = `
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
CREATE INDEX cases_status ON cases(status, updated_at);

CREATE TABLE case_performers (
  case_id       TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  performer_id  TEXT NOT NULL REFERENCES performers(id),
  PRIMARY KEY (case_id, performer_id)
);

CREATE TABLE case_suspects (
  case_id     TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  suspect_id  TEXT NOT NULL REFERENCES suspects(id),
  PRIMARY KEY (case_id, suspect_id)
);

CREATE TABLE case_events (
  case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at           TEXT NOT NULL,
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  note         TEXT,
  actor        TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events(case_id, at);

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
);
CREATE INDEX evidence_exports_case ON evidence_exports(case_id, created_at);
`;
