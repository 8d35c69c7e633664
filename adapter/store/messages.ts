/**
 * Messages of conversations, in the order they were stored, and the channel ids (Messenger mids) of those sent to
 * Messenger (conversations-api.md §6).
 */
import type { Db } from './db.js'
import type { Window } from './page.js'
import type { Author, Message, MessageSource, Metadata, StoredContent } from '../conversations/types.js'

export interface MessageRow extends Message {
  conversationId: string
  override?: { messenger?: { payload: Record<string, unknown> } }
  destination?: { integrationId: string } | { integrationType: string }
}

interface MessageRecord {
  seq: number; id: string; conversation_id: string; author: string; content: string; source: string
  metadata: string | null; override: string | null; destination: string | null; received: string
}

/** "List Messages … The page size limit is fixed at 100 messages per page" (conversations-api.md §6.1). */
export const MESSAGES_PER_PAGE = 100
/** "A conversation holds at most 30,000 messages; posting beyond that yields 423 Locked" (§0). */
export const MESSAGES_PER_CONVERSATION = 30_000

const toMessage = (r: MessageRecord): MessageRow => {
  const m: MessageRow = {
    id: r.id, conversationId: r.conversation_id, received: r.received,
    author: JSON.parse(r.author) as Author, content: JSON.parse(r.content) as StoredContent,
    source: JSON.parse(r.source) as MessageSource,
  }
  if (r.metadata) m.metadata = JSON.parse(r.metadata) as Metadata
  if (r.override) m.override = JSON.parse(r.override) as MessageRow['override']
  if (r.destination) m.destination = JSON.parse(r.destination) as MessageRow['destination']
  return m
}

export function messagesRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO messages (id, conversation_id, author, content, source, metadata, override,
    destination, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const touch = db.prepare('UPDATE conversations SET last_updated_at = ? WHERE id = ?')
  const get = db.prepare('SELECT * FROM messages WHERE id = ?')
  const seqOf = db.prepare('SELECT seq FROM messages WHERE conversation_id = ? AND id = ?')
  // Pages read one row more than they show: whether it came back says if the list goes on that way.
  const latest = db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT ?')
  const before = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
  const after = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?')
  // v1.1 pages by time (`before`/`after`, exclusive): ordered by `received`, which is when the channel says it was sent.
  const latestByTime = db.prepare('SELECT * FROM messages WHERE conversation_id = ? ORDER BY received DESC, seq DESC LIMIT ?')
  const olderThan = db.prepare(`SELECT * FROM messages WHERE conversation_id = ? AND received < ?
    ORDER BY received DESC, seq DESC LIMIT ?`)
  const newerThan = db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND received > ? ORDER BY received, seq LIMIT ?')
  const anyAtOrBefore = db.prepare('SELECT 1 FROM messages WHERE conversation_id = ? AND received <= ? LIMIT 1')
  const anyAtOrAfter = db.prepare('SELECT 1 FROM messages WHERE conversation_id = ? AND received >= ? LIMIT 1')
  const nth = db.prepare('SELECT 1 FROM messages WHERE conversation_id = ? ORDER BY seq LIMIT 1 OFFSET ?')
  const businessSince = db.prepare(`SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND received > ?
    AND json_extract(author, '$.type') = 'business'`)
  const remove = db.prepare('DELETE FROM messages WHERE conversation_id = ? AND id = ?')
  const removeAll = db.prepare('DELETE FROM messages WHERE conversation_id = ?')
  const insertExternal = db.prepare(`INSERT OR IGNORE INTO external_messages (external_id, message_id, conversation_id,
    sent_at) VALUES (?, ?, ?, ?)`)
  const byExternal = db.prepare('SELECT message_id FROM external_messages WHERE external_id = ?')
  const undeliveredBefore = db.prepare(`SELECT DISTINCT message_id FROM external_messages WHERE conversation_id = ?
    AND delivered = 0 AND sent_at <= ? ORDER BY sent_at`)
  const externalsOf = db.prepare('SELECT external_id FROM external_messages WHERE message_id = ? ORDER BY sent_at, rowid')
  const markDelivered = db.prepare('UPDATE external_messages SET delivered = 1 WHERE message_id = ? AND delivered = 0')
  return {
    add(m: MessageRow): MessageRow {
      insert.run(m.id, m.conversationId, JSON.stringify(m.author), JSON.stringify(m.content),
        JSON.stringify(m.source), m.metadata ? JSON.stringify(m.metadata) : null,
        m.override ? JSON.stringify(m.override) : null, m.destination ? JSON.stringify(m.destination) : null, m.received)
      touch.run(m.received, m.conversationId)
      return m
    },
    get(id: string): MessageRow | undefined {
      const r = get.get(id) as MessageRecord | undefined
      return r && toMessage(r)
    },
    /**
     * A page of 100, oldest first: the latest by default, or those right before or after the cursor message (§6.1).
     * Undefined when the cursor is not a message of this conversation.
     */
    window(conversationId: string, page: { before?: string; after?: string }): Window<MessageRow> | undefined {
      const cursor = page.before ?? page.after
      const seq = cursor === undefined ? undefined : (seqOf.get(conversationId, cursor) as { seq: number } | undefined)?.seq
      if (cursor !== undefined && seq === undefined) return undefined
      const limit = MESSAGES_PER_PAGE + 1
      if (page.after !== undefined) {
        const rows = after.all(conversationId, seq, limit) as MessageRecord[]
        return { items: rows.slice(0, MESSAGES_PER_PAGE).map(toMessage), hasBefore: true, hasAfter: rows.length === limit }
      }
      const rows = (seq === undefined ? latest.all(conversationId, limit) : before.all(conversationId, seq, limit)) as MessageRecord[]
      return {
        items: rows.slice(0, MESSAGES_PER_PAGE).reverse().map(toMessage),
        hasBefore: rows.length === limit, hasAfter: seq !== undefined,
      }
    },
    /**
     * v1.1's pages: 100 messages, oldest first, strictly before or after an ISO time, else the latest 100
     * (docs/conversations-api.md §18).
     */
    windowByTime(conversationId: string, page: { before?: string; after?: string }): Window<MessageRow> {
      const limit = MESSAGES_PER_PAGE + 1
      if (page.after !== undefined) {
        const rows = newerThan.all(conversationId, page.after, limit) as MessageRecord[]
        return {
          items: rows.slice(0, MESSAGES_PER_PAGE).map(toMessage),
          hasBefore: anyAtOrBefore.get(conversationId, page.after) !== undefined, hasAfter: rows.length === limit,
        }
      }
      const rows = (page.before === undefined ? latestByTime.all(conversationId, limit)
        : olderThan.all(conversationId, page.before, limit)) as MessageRecord[]
      return {
        items: rows.slice(0, MESSAGES_PER_PAGE).reverse().map(toMessage), hasBefore: rows.length === limit,
        hasAfter: page.before !== undefined && anyAtOrAfter.get(conversationId, page.before) !== undefined,
      }
    },
    isFull(conversationId: string): boolean {
      return nth.get(conversationId, MESSAGES_PER_CONVERSATION - 1) !== undefined
    },
    /** Business messages stored after `since` (all of them when the user never read): the participant's unreadCount. */
    unreadByUser(conversationId: string, since: string | null): number {
      return (businessSince.get(conversationId, since ?? '') as { n: number }).n
    },
    delete(conversationId: string, id: string): boolean {
      return remove.run(conversationId, id).changes > 0
    },
    deleteAll(conversationId: string): void {
      removeAll.run(conversationId)
    },
    recordExternal(externalId: string, messageId: string, conversationId: string, sentAt: number): void {
      insertExternal.run(externalId, messageId, conversationId, sentAt)
    },
    /** Channel ids already recorded for a message, in sending order (a retried multi-part send resumes after them). */
    externalsOf(messageId: string): string[] {
      return (externalsOf.all(messageId) as { external_id: string }[]).map((r) => r.external_id)
    },
    messageOfExternal(externalId: string): string | undefined {
      return (byExternal.get(externalId) as { message_id: string } | undefined)?.message_id
    },
    /** Messages sent before a delivery watermark that were not yet reported delivered (messenger-platform.md §4.4). */
    undeliveredBefore(conversationId: string, watermark: number): string[] {
      return (undeliveredBefore.all(conversationId, watermark) as { message_id: string }[]).map((r) => r.message_id)
    },
    /** True when this call marked the message delivered (so the event is emitted once). */
    markDelivered(messageId: string): boolean {
      return markDelivered.run(messageId).changes > 0
    },
  }
}
export type MessagesRepository = ReturnType<typeof messagesRepository>
