/**
 * What the rest of the Conversations API needs (conversations-api.md §1.2–§5): account-scoped API keys (they reach
 * every app), app settings and metadata, users created by the business (externalId unique per app, profile email and
 * locale, metadata), conversations created by the business (display name, description, icon, metadata) and the
 * participant of a personal conversation with the moment its user last read it. Never edit once applied.
 */
export default `
CREATE TABLE account_keys (
  id TEXT PRIMARY KEY,
  secret TEXT NOT NULL,
  display_name TEXT,
  created_at TEXT NOT NULL
);

ALTER TABLE apps ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE apps ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';

ALTER TABLE users ADD COLUMN email TEXT;
ALTER TABLE users ADD COLUMN locale TEXT;
ALTER TABLE users ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
ALTER TABLE users ADD COLUMN to_be_retained INTEGER NOT NULL DEFAULT 0;
-- "409 conflict: User already exists" on a second user with the same externalId (conversations-api.md §4.1).
CREATE UNIQUE INDEX users_external_id ON users(app_id, external_id) WHERE external_id IS NOT NULL;

ALTER TABLE conversations ADD COLUMN display_name TEXT;
ALTER TABLE conversations ADD COLUMN description TEXT;
ALTER TABLE conversations ADD COLUMN icon_url TEXT;
ALTER TABLE conversations ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}';
-- A personal conversation has one participant, its user; it gets an id of its own (24 hex characters, like every id).
ALTER TABLE conversations ADD COLUMN participant_id TEXT;
UPDATE conversations SET participant_id = lower(hex(randomblob(12)));
-- When the user last read the conversation (Messenger read receipts): the participant's lastRead and unreadCount.
ALTER TABLE conversations ADD COLUMN user_last_read TEXT;
`
