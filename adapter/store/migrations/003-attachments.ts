/**
 * Attachments uploaded through `POST /v2/apps/{appId}/attachments` (conversations-api.md §7): kept in the database
 * and served publicly at their `mediaUrl`, so Facebook can fetch them when a message uses them. One linked to a
 * conversation (`conversationId`) goes with it; one uploaded `for=message` also goes with the message that uses it.
 * Never edit once applied.
 */
export default `
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  conversation_id TEXT REFERENCES conversations(id) ON DELETE CASCADE,
  for_message INTEGER NOT NULL,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX attachments_app ON attachments(app_id);
CREATE INDEX attachments_conversation ON attachments(conversation_id);
`
