/** Conversations, their messages, and the channel ids of messages sent to Messenger (conversations-api.md §5, §6). */
import type { Db } from './db.js'
import type { Author, Message, MessageSource, StoredContent } from '../conversations/types.js'

export interface ConversationRow {
  id: string
  appId: string
  userId: string
  type: 'personal'
  isDefault: boolean
  businessLastRead: string | null
  createdAt: string
  lastUpdatedAt: string
}

export interface MessageRow extends Message {
  conversationId: string
  override?: { messenger?: { payload: Record<string, unknown> } }
  destination?: { integrationId: string } | { integrationType: string }
}

interface ConversationRecord {
  id: string; app_id: string; user_id: string; type: string; is_default: number; business_last_read: string | null
  created_at: string; last_updated_at: string
}
interface MessageRecord {
  id: string; conversation_id: string; author: string; content: string; source: string; metadata: string | null
  override: string | null; destination: string | null; received: string
}

const toConversation = (r: ConversationRecord): ConversationRow => ({
  id: r.id, appId: r.app_id, userId: r.user_id, type: 'personal', isDefault: r.is_default === 1,
  businessLastRead: r.business_last_read, createdAt: r.created_at, lastUpdatedAt: r.last_updated_at,
})
const toMessage = (r: MessageRecord): MessageRow => {
  const m: MessageRow = {
    id: r.id, conversationId: r.conversation_id, received: r.received,
    author: JSON.parse(r.author) as Author, content: JSON.parse(r.content) as StoredContent,
    source: JSON.parse(r.source) as MessageSource,
  }
  if (r.metadata) m.metadata = JSON.parse(r.metadata) as Message['metadata']
  if (r.override) m.override = JSON.parse(r.override) as MessageRow['override']
  if (r.destination) m.destination = JSON.parse(r.destination) as MessageRow['destination']
  return m
}

export function conversationsRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO conversations (id, app_id, user_id, type, is_default, business_last_read,
    created_at, last_updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const get = db.prepare('SELECT * FROM conversations WHERE app_id = ? AND id = ?')
  const ofUser = db.prepare('SELECT * FROM conversations WHERE user_id = ? ORDER BY created_at, id')
  const touch = db.prepare('UPDATE conversations SET last_updated_at = ? WHERE id = ?')
  const markRead = db.prepare('UPDATE conversations SET business_last_read = ? WHERE id = ?')
  const insertMessage = db.prepare(`INSERT INTO messages (id, conversation_id, author, content, source, metadata,
    override, destination, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const getMessage = db.prepare('SELECT * FROM messages WHERE id = ?')
  // The latest 100, oldest first: list-messages returns the latest page (conversations-api.md §6.1).
  const listMessages = db.prepare(`SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC
    LIMIT 100) ORDER BY seq`)
  const insertExternal = db.prepare(`INSERT OR IGNORE INTO external_messages (external_id, message_id, conversation_id,
    sent_at) VALUES (?, ?, ?, ?)`)
  const byExternal = db.prepare('SELECT message_id FROM external_messages WHERE external_id = ?')
  const undeliveredBefore = db.prepare(`SELECT DISTINCT message_id FROM external_messages WHERE conversation_id = ?
    AND delivered = 0 AND sent_at <= ? ORDER BY sent_at`)
  const externalsOf = db.prepare('SELECT external_id FROM external_messages WHERE message_id = ? ORDER BY sent_at, rowid')
  const markDelivered = db.prepare('UPDATE external_messages SET delivered = 1 WHERE message_id = ? AND delivered = 0')
  return {
    create(c: ConversationRow): ConversationRow {
      insert.run(c.id, c.appId, c.userId, c.type, c.isDefault ? 1 : 0, c.businessLastRead, c.createdAt, c.lastUpdatedAt)
      return c
    },
    get(appId: string, id: string): ConversationRow | undefined {
      const r = get.get(appId, id) as ConversationRecord | undefined
      return r && toConversation(r)
    },
    ofUser(userId: string): ConversationRow[] {
      return (ofUser.all(userId) as ConversationRecord[]).map(toConversation)
    },
    markBusinessRead(id: string, at: string): void {
      markRead.run(at, id)
    },
    addMessage(m: MessageRow): MessageRow {
      insertMessage.run(m.id, m.conversationId, JSON.stringify(m.author), JSON.stringify(m.content),
        JSON.stringify(m.source), m.metadata ? JSON.stringify(m.metadata) : null,
        m.override ? JSON.stringify(m.override) : null, m.destination ? JSON.stringify(m.destination) : null, m.received)
      touch.run(m.received, m.conversationId)
      return m
    },
    getMessage(id: string): MessageRow | undefined {
      const r = getMessage.get(id) as MessageRecord | undefined
      return r && toMessage(r)
    },
    listMessages(conversationId: string): MessageRow[] {
      return (listMessages.all(conversationId) as MessageRecord[]).map(toMessage)
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
export type ConversationsRepository = ReturnType<typeof conversationsRepository>
