/** Built-in NLP per page (docs §18): what `POST /{page-id}/nlp_configs` set, one row per page that called it. */
export default /* sql */ `
CREATE TABLE nlp_configs (
  page_id                 TEXT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  enabled                 INTEGER NOT NULL DEFAULT 0,
  model                   TEXT NOT NULL DEFAULT 'ENGLISH',
  -- A Wit.ai server token, kept as given; the emulator never calls Wit.ai.
  custom_token            TEXT,
  verbose                 INTEGER NOT NULL DEFAULT 0,
  n_best                  INTEGER NOT NULL DEFAULT 1,
  -- JSON: "a map of language to model type and Wit token".
  other_language_support  TEXT,
  updated_at              INTEGER NOT NULL
);
`
