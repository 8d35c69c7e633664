/**
 * What the retention job (runtime/runtime.ts, lib/retention.ts) needs to prune the webhook log without scanning it:
 * each batch records the newest delivery it carried, so once every delivery up to that one is gone, the batch's body
 * can go too (a batch is shared by the rows it carried). Filled in for batches sent before, with a temporary index.
 */
export default /* sql */ `
ALTER TABLE webhook_batches ADD COLUMN last_delivery_id INTEGER;
CREATE INDEX webhook_attempts_by_batch_tmp ON webhook_attempts(batch_id);
UPDATE webhook_batches SET last_delivery_id =
  (SELECT max(delivery_id) FROM webhook_attempts WHERE batch_id = webhook_batches.id);
DROP INDEX webhook_attempts_by_batch_tmp;
CREATE INDEX webhook_batches_by_last_delivery ON webhook_batches(last_delivery_id);
`
