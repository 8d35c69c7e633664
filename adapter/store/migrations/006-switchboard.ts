/**
 * Sunshine's switchboard (conversations-api.md §14.3; zendesk/sunshine-conversations-api-spec `switchboard.yaml`,
 * `switchboardIntegration.yaml`): one switchboard per app, its switchboard integrations (at most 10, names unique in
 * the switchboard), and on each conversation the switchboard integration in control (`active`) and the one offered
 * control (`pending`). A switchboard integration is linked to one of the app's integrations (`integration_id`) or
 * named by a type (`integration_type`): `facebookApp:{id}` is another Facebook app on the page (the Page Inbox), whose
 * control is the page's Messenger handover protocol. And the Messenger personas the adapter created for business
 * authors (`author.displayName` + `avatarUrl`), per integration, so each is created once. Never edit once applied;
 * add a new migration.
 */
export default `
CREATE TABLE switchboards (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL UNIQUE REFERENCES apps(id) ON DELETE CASCADE,
  enabled INTEGER NOT NULL,
  default_switchboard_integration_id TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE switchboard_integrations (
  id TEXT PRIMARY KEY,
  switchboard_id TEXT NOT NULL REFERENCES switchboards(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  integration_id TEXT REFERENCES integrations(id) ON DELETE CASCADE,
  integration_type TEXT NOT NULL,
  deliver_standby_events INTEGER NOT NULL,
  next_switchboard_integration_id TEXT,
  message_history_count INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (switchboard_id, name)
);
CREATE INDEX switchboard_integrations_integration ON switchboard_integrations(integration_id);

-- Who has control of the conversation; NULL when nobody does (never passed, or released).
ALTER TABLE conversations ADD COLUMN active_switchboard_integration_id TEXT;
ALTER TABLE conversations ADD COLUMN pending_switchboard_integration_id TEXT;

CREATE TABLE personas (
  integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  picture_url TEXT NOT NULL,
  persona_id TEXT NOT NULL,
  PRIMARY KEY (integration_id, name, picture_url)
);
`
