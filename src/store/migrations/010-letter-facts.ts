/**
 * Letters that never overstate: the case's extended facts (sender capacity, the facts each ground and
 * letter needs) and their history; operators marked designated or not with their services' hosts;
 * letters gain the 警告書 regime, the guideline form, confirmations, delivery method and receipt date;
 * clocks keep the last day of a period counted in days.
 *
 * `letters` is rebuilt (SQLite cannot change a CHECK constraint). Its child tables are copied aside
 * and dropped first, so dropping the old table cascades into nothing, then rebuilt and refilled.
 */
export const sql = `
ALTER TABLE case_legal ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';

CREATE TABLE case_legal_history (
  case_id  TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  at       TEXT NOT NULL,
  actor    TEXT NOT NULL,
  facts    TEXT NOT NULL,
  grounds  TEXT NOT NULL
);
CREATE INDEX case_legal_history_case ON case_legal_history(case_id, at);

ALTER TABLE letter_operators ADD COLUMN designated INTEGER NOT NULL DEFAULT 0 CHECK (designated IN (0, 1));
ALTER TABLE letter_operators ADD COLUMN hosts TEXT NOT NULL DEFAULT '[]';
UPDATE letter_operators SET designated = 1 WHERE regime = 'idpa-designated';

CREATE TABLE m008_letters AS SELECT * FROM letters;
CREATE TABLE m008_edits AS SELECT * FROM letter_edits;
CREATE TABLE m008_exports AS SELECT * FROM letter_exports;
CREATE TABLE m008_clocks AS SELECT * FROM letter_clocks;
CREATE TABLE m008_responses AS SELECT * FROM letter_responses;
DROP TABLE letter_edits;
DROP TABLE letter_exports;
DROP TABLE letter_clocks;
DROP TABLE letter_responses;
DROP TABLE letters;

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
  due_on      TEXT,
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

INSERT INTO letters (id, case_id, regime, form, lang, platform_id, status, overrides, confirmed, sent_at, delivery_method, received_on, uploader_notified_at, created_at, updated_at)
  SELECT id, case_id, regime, NULL, lang, platform_id, status, overrides, '[]', sent_at, NULL, NULL, NULL, created_at, updated_at FROM m008_letters;
INSERT INTO letter_edits SELECT * FROM m008_edits;
INSERT INTO letter_exports SELECT * FROM m008_exports;
INSERT INTO letter_clocks (letter_id, clock, started_at, due_at, due_on, closed_at) SELECT letter_id, clock, started_at, due_at, NULL, closed_at FROM m008_clocks;
INSERT INTO letter_responses SELECT * FROM m008_responses;
DROP TABLE m008_letters;
DROP TABLE m008_edits;
DROP TABLE m008_exports;
DROP TABLE m008_clocks;
DROP TABLE m008_responses;
`;
