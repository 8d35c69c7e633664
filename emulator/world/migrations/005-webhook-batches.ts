/** Batched webhook requests: one signed POST carries several outbox rows of one (app, page) (docs §4.2, §4.3). */
export default /* sql */ `
-- The exact body one delivery attempt sent ("Events may be batched: several entry items and several messaging items
-- per entry", docs §4.2). Every outbox row it carried records its attempt with this batch, so the log shows the bytes
-- each row travelled in while storing them once. No foreign keys, like webhook_attempts: the log outlives nothing.
CREATE TABLE webhook_batches (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  body            TEXT NOT NULL,
  -- How many outbox rows (messaging events) the body carried.
  events          INTEGER NOT NULL
);

-- NULL for attempts made before batching: those sent the row's own body.
ALTER TABLE webhook_attempts ADD COLUMN batch_id INTEGER;
`
