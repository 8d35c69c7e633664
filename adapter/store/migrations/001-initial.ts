/**
 * The adapter's first schema: apps and API keys, integrations (messenger and custom) with their business webhooks,
 * users, their channel clients, conversations and messages, the outbox that carries every Send API call and business
 * webhook, the inbound de-duplication log and persistent menus. Never edit once applied; add a new migration.
 */
export default `
CREATE TABLE apps (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  display_name TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX api_keys_app ON api_keys(app_id);

CREATE TABLE integrations (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  display_name TEXT,
  -- messenger: page id/name, page token, Facebook app id/secret, verify token, EEA flag (JSON, never returned whole)
  config TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX integrations_app ON integrations(app_id);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  triggers TEXT NOT NULL,
  secret TEXT NOT NULL,
  version TEXT NOT NULL,
  include_full_user INTEGER NOT NULL,
  include_full_source INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX webhooks_app ON webhooks(app_id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  external_id TEXT,
  given_name TEXT,
  surname TEXT,
  avatar_url TEXT,
  signed_up_at TEXT NOT NULL
);
CREATE INDEX users_app ON users(app_id);

-- A client is a user's identity on one channel. For Messenger the identity is page-scoped (the PSID), so the key is
-- (app, page, PSID): recreating an integration for the same page finds the same people again.
CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  integration_id TEXT NOT NULL,
  type TEXT NOT NULL,
  scope TEXT NOT NULL,
  external_id TEXT NOT NULL,
  display_name TEXT,
  avatar_url TEXT,
  raw TEXT,
  status TEXT NOT NULL,
  linked_at TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  UNIQUE (app_id, type, scope, external_id)
);
CREATE INDEX clients_user ON clients(user_id);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  is_default INTEGER NOT NULL,
  business_last_read TEXT,
  created_at TEXT NOT NULL,
  last_updated_at TEXT NOT NULL
);
CREATE INDEX conversations_user ON conversations(user_id);

CREATE TABLE messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  content TEXT NOT NULL,
  source TEXT NOT NULL,
  metadata TEXT,
  override TEXT,
  destination TEXT,
  received TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, seq);

-- Channel message ids (Messenger mids) of messages sent by the business, to turn delivery receipts into
-- conversation:message:delivery:user events.
CREATE TABLE external_messages (
  external_id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX external_messages_conversation ON external_messages(conversation_id, sent_at);

-- Facebook may deliver the same event twice (messenger-platform.md §4.2: dedupe on mid).
CREATE TABLE seen_events (
  key TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
);

-- Every Send API call and business webhook leaves through here (DESIGN principle 5). Items of one partition are sent
-- strictly in order: the head blocks the rest until it is done or dead.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  partition_key TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX outbox_pending ON outbox(kind, status, partition_key, seq);

CREATE TABLE menus (
  scope TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  menu TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`
