/**
 * Messenger events the channel receives but cannot carry to the business as Sunshine documents its Messenger channel
 * (issue 17): checkbox plugin opt-ins, which name the person by a website's `user_ref` and no PSID, and page `feed`
 * changes (comments, visitor posts), which Sunshine does not subscribe to. Recorded for the integration's diagnosis,
 * which says why they do not reach the business and what to do instead. Never edit once applied.
 */
export default `
CREATE TABLE skipped_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
  received_at INTEGER NOT NULL,
  -- 'user_ref_optin' or 'feed'.
  kind TEXT NOT NULL,
  -- The user_ref, or the feed change's item and id.
  detail TEXT NOT NULL
);
CREATE INDEX skipped_events_integration ON skipped_events(integration_id, id);
`
