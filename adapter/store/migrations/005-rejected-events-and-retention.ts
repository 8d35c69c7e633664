/**
 * Messenger events the adapter answered 200 but could not read (issue 14): signed by Facebook's app secret yet
 * malformed. They are recorded with the reason, for the integration's diagnosis (and the dashboard built on it),
 * instead of being answered 500 and redelivered by Facebook for hours. Plus what the retention job
 * (runtime/retention.ts) seeks by: finished outbox rows in order. Never edit once applied; add a new migration.
 */
export default `
CREATE TABLE rejected_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  received_at INTEGER NOT NULL,
  -- Where in the body and what: "entry[0].messaging[1].timestamp: Invalid input: expected number, received string".
  reason TEXT NOT NULL,
  -- The start of the rejected part as JSON text, at most a couple of hundred characters.
  excerpt TEXT NOT NULL
);
CREATE INDEX rejected_events_integration ON rejected_events(integration_id, id);
`
