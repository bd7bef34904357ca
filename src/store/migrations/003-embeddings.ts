/**
 * Embeddings cached by (audio bytes, model bytes): the same file through the same model is never
 * embedded twice, and every stored vector names the exact model that produced it.
 */
export const sql = `
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
`;
