/**
 * What the Messenger channel left out of a message it delivered (a location request, which Facebook removed): kept per
 * integration so the diagnosis can say so after the delivery event did. Never edit once applied.
 */
export default `
CREATE TABLE delivery_notes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  code TEXT NOT NULL,
  detail TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX delivery_notes_integration ON delivery_notes(integration_id, seq);
`
