/**
 * The world's logs as the retention job prunes them (lib/retention.ts): the request journal, and the webhook
 * deliveries with their attempts and the batch bodies they were sent in. A delivery still pending is owed to its app
 * and never goes. SQL stays in world/; the job that calls these runs in runtime/runtime.ts.
 */
import type { LogRow, LogTable } from '../../lib/retention.js'
import type { Store } from './store.js'

const idList = (ids: number[]) => JSON.stringify(ids)

export function journalLog(store: Store): LogTable {
  return {
    name: 'the request journal',
    newestId: () => (store.stmt('SELECT coalesce(max(id), 0) AS id FROM request_journal').get() as { id: number }).id,
    oldest: (after, limit) => store.stmt(`SELECT id, at, 0 AS owed FROM request_journal WHERE id > ? ORDER BY id
      LIMIT ?`).all(after, limit) as LogRow[],
    remove: (ids) => {
      store.stmt('DELETE FROM request_journal WHERE id IN (SELECT value FROM json_each(?))').run(idList(ids))
    },
  }
}

/** At most this many batch bodies go per removal; the rest go with the next one. */
const BATCHES_PER_REMOVAL = 500

export function deliveriesLog(store: Store): LogTable {
  return {
    name: 'the webhook deliveries',
    newestId: () => (store.stmt('SELECT coalesce(max(id), 0) AS id FROM webhook_deliveries').get() as { id: number }).id,
    oldest: (after, limit) => (store.stmt(`SELECT id, created_at AS at, status = 'pending' AS owed
      FROM webhook_deliveries WHERE id > ? ORDER BY id LIMIT ?`).all(after, limit) as LogRow[])
      .map((r) => ({ ...r, owed: Boolean(r.owed) })),
    remove: (ids) => store.tx(() => {
      const list = idList(ids)
      store.stmt(`DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT value FROM json_each(?))`).run(list)
      store.stmt(`DELETE FROM webhook_deliveries WHERE id IN (SELECT value FROM json_each(?))`).run(list)
      // A batch is shared by the rows it carried: its body goes once every row up to the newest it carried is gone.
      store.stmt(`DELETE FROM webhook_batches WHERE id IN (SELECT id FROM webhook_batches WHERE last_delivery_id <
        (SELECT coalesce(min(id), 9223372036854775807) FROM webhook_deliveries) LIMIT ?)`).run(BATCHES_PER_REMOVAL)
    }),
  }
}
