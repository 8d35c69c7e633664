/** Messages of a conversation, both ways, in the order they happened, each with its mid (docs §3.3, §4.4). */
import { json, type Store } from './store.js'

export type MessageDirection = 'page' | 'person'
export type MessageKind = 'message' | 'postback'

export interface StoredMessage<B = Record<string, unknown>> {
  seq: number
  mid: string
  pageId: string
  personId: string
  direction: MessageDirection
  kind: MessageKind
  appId: string | null
  body: B
  messagingType: string | null
  tag: string | null
  notificationType: string | null
  createdAt: number
  /** The persona a page message was sent as (docs §12); absent or null: as the page. */
  personaId?: string | null
}

interface MessageDbRow {
  seq: number; mid: string; page_id: string; person_id: string; direction: MessageDirection; kind: MessageKind
  app_id: string | null; body: string; messaging_type: string | null; tag: string | null
  notification_type: string | null; created_at: number; persona_id: string | null
}

const toMessage = (r: MessageDbRow): StoredMessage => ({
  seq: r.seq, mid: r.mid, pageId: r.page_id, personId: r.person_id, direction: r.direction, kind: r.kind,
  appId: r.app_id, body: json.parse(r.body, {}), messagingType: r.messaging_type, tag: r.tag,
  notificationType: r.notification_type, createdAt: r.created_at, personaId: r.persona_id,
})

export type NewMessage = Omit<StoredMessage, 'seq'>

export class Messages {
  constructor(private readonly store: Store) {}

  insert(m: NewMessage): StoredMessage {
    const { lastInsertRowid } = this.store.stmt(`INSERT INTO messages (mid, page_id, person_id, direction, kind, app_id,
      body, messaging_type, tag, notification_type, created_at, persona_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(m.mid, m.pageId, m.personId, m.direction, m.kind, m.appId, json.stringify(m.body), m.messagingType, m.tag,
        m.notificationType, m.createdAt, m.personaId ?? null)
    return { ...m, seq: Number(lastInsertRowid) }
  }

  get(mid: string): StoredMessage | undefined {
    const r = this.store.stmt('SELECT * FROM messages WHERE mid = ?').get(mid) as MessageDbRow | undefined
    return r && toMessage(r)
  }

  /**
   * The newest `limit` messages of the conversation older than `beforeSeq` (all of it when undefined), oldest first,
   * and whether there are older ones still: a thread is read a window at a time (messenger/thread-view.ts).
   */
  window(pageId: string, personId: string, limit: number, beforeSeq = Number.MAX_SAFE_INTEGER):
    { messages: StoredMessage[]; earlier: boolean } {
    const rows = this.store.stmt(`SELECT * FROM messages WHERE page_id = ? AND person_id = ? AND seq < ?
      ORDER BY seq DESC LIMIT ?`).all(pageId, personId, beforeSeq, limit + 1) as MessageDbRow[]
    return { messages: rows.slice(0, limit).reverse().map(toMessage), earlier: rows.length > limit }
  }

  last(pageId: string, personId: string): StoredMessage | undefined {
    const r = this.store.stmt('SELECT * FROM messages WHERE page_id = ? AND person_id = ? ORDER BY seq DESC LIMIT 1')
      .get(pageId, personId) as MessageDbRow | undefined
    return r && toMessage(r)
  }
}
