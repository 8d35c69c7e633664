/** Messenger events answered 200 but rejected as malformed, with why (migration 005; messenger/webhook-envelope.ts). */
import type { Db } from './db.js'

export interface RejectedEvent {
  id: number
  integrationId: string
  /** Milliseconds since the epoch, on the adapter's clock. */
  receivedAt: number
  reason: string
  excerpt: string
}

interface RejectedEventRecord { id: number; integration_id: string; received_at: number; reason: string; excerpt: string }

const toEvent = (r: RejectedEventRecord): RejectedEvent => ({
  id: r.id, integrationId: r.integration_id, receivedAt: r.received_at, reason: r.reason, excerpt: r.excerpt,
})

export function rejectedEventsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO rejected_events (integration_id, received_at, reason, excerpt)
    VALUES (?, ?, ?, ?)`)
  const recent = db.prepare('SELECT * FROM rejected_events WHERE integration_id = ? ORDER BY id DESC LIMIT ?')
  const since = db.prepare('SELECT count(*) AS n FROM rejected_events WHERE integration_id = ? AND received_at >= ?')
  return {
    record(e: Omit<RejectedEvent, 'id'>): void {
      insert.run(e.integrationId, e.receivedAt, e.reason, e.excerpt)
    },
    /** The integration's newest `limit` rejections, newest first. */
    recent(integrationId: string, limit: number): RejectedEvent[] {
      return (recent.all(integrationId, limit) as RejectedEventRecord[]).map(toEvent)
    },
    countSince(integrationId: string, at: number): number {
      return (since.get(integrationId, at) as { n: number }).n
    },
  }
}
export type RejectedEventsRepository = ReturnType<typeof rejectedEventsRepository>
