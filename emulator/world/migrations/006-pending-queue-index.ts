/** The outbox queue index holds only pending rows. */
export default /* sql */ `
-- The delivery worker only ever seeks pending rows by (app, page, id). Indexed on status as well, every delivered row
-- moved from the pending part of the index to the delivered part (a delete and an insert in another page); partial,
-- it only leaves the index. Under load that is two rows per Send API call (echo and delivery receipt).
DROP INDEX webhook_deliveries_queue;
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(app_id, page_id, id) WHERE status = 'pending';
`
