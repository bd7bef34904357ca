/**
 * Embeddings are cached per window plan too (issue 19): scores use windows that tile the speech
 * (hop = window) while a clip's timeline keeps the model's hop, so one file can hold one embedding of
 * each kind under one model. The cache is rebuilt with the hop in its key; embeddings made under the
 * old single plan are dropped (as in migration 011), population checks with them, and voiceprints are
 * marked stale so they are rebuilt from tiled references on next use.
 */
export const sql = `
DROP TABLE embeddings;
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
DELETE FROM population_checks;
UPDATE voiceprints SET references_key = 'stale: window plan changed (issue 19)';
`;
