/**
 * The relevant population: each performer's language (the population a case is about is usually
 * Japanese), the population check computed per model on one enrolment state, and the population
 * figures a screening run was scored under. Calibrations replaced by `calibrate --population` are kept.
 */
export const sql = `
ALTER TABLE performers ADD COLUMN language TEXT NOT NULL DEFAULT 'ja';

CREATE TABLE population_checks (
  model_sha256   TEXT NOT NULL,
  enrolment_key  TEXT NOT NULL,
  computed_at    TEXT NOT NULL,
  check_json     TEXT NOT NULL,
  PRIMARY KEY (model_sha256, enrolment_key)
);

ALTER TABLE screening_runs ADD COLUMN population TEXT;

CREATE TABLE calibration_history (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  model_sha256  TEXT NOT NULL,
  replaced_at   TEXT NOT NULL,
  calibration   TEXT NOT NULL
);
`;
