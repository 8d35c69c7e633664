/** Messenger events the channel cannot carry to the business, by kind (migration 009; messenger/inbound.ts). */
import type { Db } from './db.js'

export type SkippedKind = 'user_ref_optin' | 'feed'

export interface SkippedEvent { integrationId: string; receivedAt: number; kind: SkippedKind; detail: string }

export function skippedEventsRepository(db: Db) {
  const insert = db.prepare('INSERT INTO skipped_events (integration_id, received_at, kind, detail) VALUES (?, ?, ?, ?)')
  const since = db.prepare(`SELECT kind, count(*) AS n, max(detail) AS example FROM skipped_events
    WHERE integration_id = ? AND received_at >= ? GROUP BY kind ORDER BY kind`)
  return {
    record(e: SkippedEvent): void {
      insert.run(e.integrationId, e.receivedAt, e.kind, e.detail)
    },
    /** How many of each kind arrived since `at`, each with one example. */
    countsSince(integrationId: string, at: number): { kind: SkippedKind; n: number; example: string }[] {
      return since.all(integrationId, at) as { kind: SkippedKind; n: number; example: string }[]
    },
  }
}
export type SkippedEventsRepository = ReturnType<typeof skippedEventsRepository>
