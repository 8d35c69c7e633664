/**
 * Webhooks (docs §4, §5): each app's `object: "page"` subscription (callback, verify token, fields), the apps each
 * page is subscribed to (`subscribed_apps`), and the persisted outbox of deliveries with every attempt, so a crash or
 * a down receiver loses nothing (DESIGN principle 5).
 */
export default /* sql */ `
-- POST /{app-id}/subscriptions (docs §5.1). One row per app and object; the emulator knows object = 'page'.
CREATE TABLE app_subscriptions (
  app_id          TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  object          TEXT NOT NULL,
  callback_url    TEXT NOT NULL,
  verify_token    TEXT NOT NULL,
  -- JSON array of {name, version}: GET answers each field with the Graph version it was subscribed with.
  fields          TEXT NOT NULL DEFAULT '[]',
  include_values  INTEGER NOT NULL DEFAULT 0,
  active          INTEGER NOT NULL DEFAULT 1,
  updated_at      INTEGER NOT NULL,
  PRIMARY KEY (app_id, object)
);

-- POST /{page-id}/subscribed_apps (docs §5.2): the page sends these fields' events to the app.
CREATE TABLE page_subscribed_apps (
  page_id         TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  app_id          TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
  fields          TEXT NOT NULL DEFAULT '[]',
  subscribed_at   INTEGER NOT NULL,
  PRIMARY KEY (page_id, app_id)
);
CREATE INDEX page_subscribed_apps_by_app ON page_subscribed_apps(app_id);

-- Apps whose webhook has had fields at least once. The webhook-fields bug of the seed guide ("only affects Facebook
-- apps which do not yet have a webhook configured") spares them, even after their subscription is deleted.
CREATE TABLE webhook_configured_apps (
  app_id          TEXT PRIMARY KEY REFERENCES apps(id) ON DELETE CASCADE,
  configured_at   INTEGER NOT NULL
);

-- The outbox: one row per (event, app). The raw body is fixed when the event happens, so every retry sends (and
-- signs) the same bytes.
CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  app_id          TEXT NOT NULL,
  page_id         TEXT NOT NULL,
  field           TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  -- Emulator clock, ms: the row is due once the clock reaches it (retries back off by pushing it forward).
  next_attempt_at INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,
  last_error      TEXT
);
-- Delivery is in order per (app, page): the worker looks for the oldest pending row of each pair.
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries(status, app_id, page_id, id);

CREATE TABLE webhook_attempts (
  delivery_id     INTEGER NOT NULL,
  n               INTEGER NOT NULL,
  started_at      INTEGER NOT NULL,
  duration_ms     INTEGER NOT NULL,
  http_status     INTEGER,
  error           TEXT,
  PRIMARY KEY (delivery_id, n)
);
`
