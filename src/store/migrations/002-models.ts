/** The model registry: one row per installed speaker model, keyed by the exact bytes (sha256). */
export const sql = `
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
CREATE UNIQUE INDEX models_one_default ON models(is_default) WHERE is_default = 1;
`;
