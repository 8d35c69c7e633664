/**
 * What the dashboard shows of deliveries (issue 19): each attempt at a business webhook (when, the business's HTTP
 * status or why it was not reached, how long it took), and why a business message could not be delivered to Messenger
 * (the Sunshine error with Facebook's underlying one, as the delivery failure webhook carries it). Attempts go with
 * their outbox row when the retention job prunes it. Never edit once applied; add a new migration.
 */
export default `
CREATE TABLE webhook_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  outbox_seq INTEGER NOT NULL REFERENCES outbox(seq) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  http_status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX webhook_attempts_outbox ON webhook_attempts(outbox_seq, id);

CREATE TABLE message_failures (
  message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
  conversation_id TEXT NOT NULL,
  -- {"code","message","underlyingError":{…}}: Sunshine's error and Facebook's (webhooks/events.ts DeliveryError).
  error TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX message_failures_conversation ON message_failures(conversation_id);
`
