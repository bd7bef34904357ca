/**
 * Letters: takedown requests drafted from a case. Operators users add (an AI voice service, a video
 * site) beside the bundled platform catalog; per-case legal facts and chosen grounds; drafts with
 * per-field edits and their history; exports with their hashes; statutory clocks and responses.
 */
export const sql = `
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
);

CREATE TABLE case_legal (
  case_id                 TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  used_actual_recordings  TEXT NOT NULL CHECK (used_actual_recordings IN ('yes', 'no', 'unknown')),
  has_video               INTEGER NOT NULL CHECK (has_video IN (0, 1)),
  commercial_use          TEXT NOT NULL CHECK (commercial_use IN ('yes', 'no', 'unknown')),
  election_candidate      INTEGER NOT NULL CHECK (election_candidate IN (0, 1)),
  grounds                 TEXT NOT NULL,
  updated_at              TEXT NOT NULL
);

CREATE TABLE letters (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  regime       TEXT NOT NULL CHECK (regime IN ('idpa', 'guideline', 'dmca', 'dsa', 'youtube')),
  lang         TEXT NOT NULL CHECK (lang IN ('ja', 'en')),
  platform_id  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'closed')),
  overrides    TEXT NOT NULL,
  sent_at      TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX letters_case ON letters(case_id, created_at);

CREATE TABLE letter_edits (
  letter_id  TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  field      TEXT NOT NULL,
  old_value  TEXT,
  new_value  TEXT,
  actor      TEXT NOT NULL
);
CREATE INDEX letter_edits_letter ON letter_edits(letter_id, at);

CREATE TABLE letter_exports (
  id          TEXT PRIMARY KEY,
  letter_id   TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  format      TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'txt')),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  size_bytes  INTEGER NOT NULL,
  fields      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

CREATE TABLE letter_clocks (
  letter_id   TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  clock       TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  due_at      TEXT NOT NULL,
  closed_at   TEXT,
  PRIMARY KEY (letter_id, clock)
);
CREATE INDEX letter_clocks_due ON letter_clocks(closed_at, due_at);

CREATE TABLE letter_responses (
  letter_id  TEXT NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
  at         TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  note       TEXT,
  actor      TEXT NOT NULL
);
CREATE INDEX letter_responses_letter ON letter_responses(letter_id, at);
`;
