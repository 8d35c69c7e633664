/** The Facebook-account side of the world: apps, accounts, pages and their admins, people and PSIDs, consents, codes
 *  and tokens. */
export default /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE apps (
  id              TEXT PRIMARY KEY,
  secret          TEXT NOT NULL,
  name            TEXT NOT NULL,
  -- "Require App Secret" in the app's advanced settings: every call must carry appsecret_proof.
  require_proof   INTEGER NOT NULL DEFAULT 0,
  -- Named fault switches for this app (JSON object), see emulator/messenger/faults.ts.
  faults          TEXT NOT NULL DEFAULT '{}',
  created_at      INTEGER NOT NULL
);

CREATE TABLE accounts (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  eea             INTEGER NOT NULL DEFAULT 0,
  -- Bumped by a password change: every token issued under an older epoch is invalid (190/460).
  session_epoch   INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL
);

CREATE TABLE pages (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  category        TEXT NOT NULL DEFAULT 'Brand',
  eea             INTEGER NOT NULL DEFAULT 0,
  faults          TEXT NOT NULL DEFAULT '{}',
  created_at      INTEGER NOT NULL
);

CREATE TABLE page_admins (
  page_id         TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (page_id, account_id)
);
CREATE INDEX page_admins_by_account ON page_admins(account_id);

CREATE TABLE people (
  id              TEXT PRIMARY KEY,
  first_name      TEXT NOT NULL,
  last_name       TEXT NOT NULL,
  eea             INTEGER NOT NULL DEFAULT 0,
  platform        TEXT NOT NULL DEFAULT 'ios',
  locale          TEXT NOT NULL DEFAULT 'en_US',
  timezone        REAL NOT NULL DEFAULT 0,
  gender          TEXT,
  created_at      INTEGER NOT NULL
);

-- A PSID is page-scoped: one person has a different PSID on each page.
CREATE TABLE psids (
  psid            TEXT PRIMARY KEY,
  person_id       TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  page_id         TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  UNIQUE (person_id, page_id)
);

-- What an account allowed an app in the login dialog. Facebook remembers it across dialogs until the app is removed.
CREATE TABLE consents (
  app_id          TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  granted         TEXT NOT NULL DEFAULT '[]',
  declined        TEXT NOT NULL DEFAULT '[]',
  -- Pages chosen in "Choose what you allow" (JSON array of page ids).
  page_ids        TEXT NOT NULL DEFAULT '[]',
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (app_id, account_id)
);

CREATE TABLE auth_codes (
  code            TEXT PRIMARY KEY,
  app_id          TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  redirect_uri    TEXT NOT NULL,
  expires_at      INTEGER NOT NULL,
  used_at         INTEGER
);

CREATE TABLE tokens (
  token           TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('user', 'page', 'app')),
  app_id          TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  account_id      TEXT REFERENCES accounts(id) ON DELETE CASCADE,
  page_id         TEXT REFERENCES pages(id) ON DELETE CASCADE,
  session_epoch   INTEGER NOT NULL DEFAULT 0,
  -- Seconds since the epoch; expires_at NULL means never (long-lived page tokens, app tokens).
  issued_at       INTEGER NOT NULL,
  expires_at      INTEGER,
  -- Set when the account removed the app: the token then answers 190/458.
  revoked         INTEGER NOT NULL DEFAULT 0,
  -- How it was obtained: oauth, long_lived, explorer, token_generation, accounts, client_credentials.
  source          TEXT NOT NULL
);
CREATE INDEX tokens_by_account ON tokens(account_id);
`
