/** Messenger profiles per page, the journal of Graph calls answered, and fault switches on people (apps and pages
 *  have theirs since 001). */
export default /* sql */ `
-- The page's Messenger Profile (get_started, greeting, persistent_menu, ice_breakers, whitelisted_domains) as the
-- Graph JSON object it answers; one row per page that has set anything (docs §6.1).
CREATE TABLE messenger_profiles (
  page_id         TEXT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
  profile         TEXT NOT NULL DEFAULT '{}',
  updated_at      INTEGER NOT NULL
);

-- Every Graph call the emulator answered. No foreign keys: the journal keeps calls naming apps or pages that do not
-- exist (those are the interesting ones). Tokens and proofs are redacted before they are written.
CREATE TABLE request_journal (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  at              INTEGER NOT NULL,
  method          TEXT NOT NULL,
  path            TEXT NOT NULL,
  version         TEXT,
  app_id          TEXT,
  page_id         TEXT,
  token_kind      TEXT,
  params          TEXT NOT NULL DEFAULT '{}',
  status          INTEGER NOT NULL,
  fbtrace_id      TEXT NOT NULL,
  -- The Graph error body's "error" object when the call failed, and why the emulator answered it.
  error           TEXT,
  reason          TEXT,
  -- For a path no route serves: the nearest supported one.
  nearest_path    TEXT,
  duration_ms     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX request_journal_by_app ON request_journal(app_id, id);
CREATE INDEX request_journal_by_page ON request_journal(page_id, id);

ALTER TABLE people ADD COLUMN faults TEXT NOT NULL DEFAULT '{}';
`
