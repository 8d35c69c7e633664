/**
 * The adapter's logs as the retention job prunes them (lib/retention.ts; runtime/retention.ts starts it): finished
 * outbox rows (a pending one is still owed to Facebook or the business), seen-event ids (owed while Facebook may
 * still redeliver the event, `redeliveryWindowMs`), rejected events and skipped ones (user_ref opt-ins, feed changes).
 */
import type { LogRow, LogTable } from '../../lib/retention.js'
import type { Db } from './db.js'

const idList = (ids: number[]) => JSON.stringify(ids)

/** A log table whose ids are `id` (or the rowid) and whose rows say themselves whether they are owed. */
function logTable(db: Db, name: string, table: string, id: string, select: string, owedParams: () => unknown[] = () => []):
  LogTable {
  const newest = db.prepare(`SELECT coalesce(max(${id}), 0) AS id FROM ${table}`)
  const oldest = db.prepare(`SELECT ${id} AS id, ${select} FROM ${table} WHERE ${id} > ? ORDER BY ${id} LIMIT ?`)
  const remove = db.prepare(`DELETE FROM ${table} WHERE ${id} IN (SELECT value FROM json_each(?))`)
  return {
    name,
    newestId: () => (newest.get() as { id: number }).id,
    oldest: (after, limit) => (oldest.all(...owedParams(), after, limit) as LogRow[])
      .map((r) => ({ ...r, owed: Boolean(r.owed) })),
    remove: (ids) => void remove.run(idList(ids)),
  }
}

/** `owedSince()`: seen-event ids newer than this are still owed (inside Facebook's redelivery window). */
export function adapterLogs(db: Db, owedSince: () => number): LogTable[] {
  return [
    logTable(db, 'the finished outbox rows', 'outbox', 'seq', "created_at AS at, status = 'pending' AS owed"),
    logTable(db, 'the seen-event ids', 'seen_events', 'rowid', 'seen_at AS at, seen_at >= ? AS owed',
      () => [owedSince()]),
    logTable(db, 'the rejected events', 'rejected_events', 'id', 'received_at AS at, 0 AS owed'),
    logTable(db, 'the skipped events', 'skipped_events', 'id', 'received_at AS at, 0 AS owed'),
  ]
}
