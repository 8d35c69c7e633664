/** What the Messenger channel left out of messages it delivered, per integration (migration 004). */
import type { Db } from './db.js'

export interface DeliveryNote {
  integrationId: string
  messageId: string
  /** e.g. `location_request_unsupported` */
  code: string
  detail: string
  at: string
}

interface NoteRecord { integration_id: string; message_id: string; code: string; detail: string; at: string }

export function deliveryNotesRepository(db: Db) {
  const insert = db.prepare('INSERT INTO delivery_notes (integration_id, message_id, code, detail, at) VALUES (?, ?, ?, ?, ?)')
  const latestByCode = db.prepare(`SELECT n.*, c.count FROM delivery_notes n JOIN (SELECT code, COUNT(*) AS count,
    MAX(seq) AS last FROM delivery_notes WHERE integration_id = ? GROUP BY code) c ON n.seq = c.last ORDER BY n.seq`)
  return {
    add(note: DeliveryNote): void {
      insert.run(note.integrationId, note.messageId, note.code, note.detail, note.at)
    },
    /** Per kind of omission: how many messages it touched, and the latest. */
    summary(integrationId: string): { latest: DeliveryNote; count: number }[] {
      return (latestByCode.all(integrationId) as (NoteRecord & { count: number })[]).map((r) => ({
        count: r.count,
        latest: { integrationId: r.integration_id, messageId: r.message_id, code: r.code, detail: r.detail, at: r.at },
      }))
    },
  }
}
export type DeliveryNotesRepository = ReturnType<typeof deliveryNotesRepository>
