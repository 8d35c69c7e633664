/**
 * What the dashboard reads that no API route does (issue 19): an app's conversations with their user, channel and
 * last message, newest activity first; the Messenger state of a conversation's business messages; and a number that
 * grows with every write, for the dashboard's live updates.
 */
import type { Db } from './db.js'
import type { Author, StoredContent } from '../conversations/types.js'

export interface ConversationSummary {
  id: string
  userId: string
  userName: string | null
  externalId: string | null
  /** The channel of the user's most recent client (`messenger`), or null for a user the business created. */
  channel: string | null
  lastMessage: { author: Author; content: StoredContent; received: string } | null
  lastUpdatedAt: string
}

/** A business message as Messenger has it: its mids, whether Facebook reported it delivered. */
export interface ChannelState { delivered: boolean; sentAt: number }

interface SummaryRecord {
  id: string; user_id: string; given_name: string | null; surname: string | null; external_id: string | null
  client_name: string | null; channel: string | null; author: string | null; content: string | null
  received: string | null; last_updated_at: string
}

export function overviewRepository(db: Db) {
  const conversations = db.prepare(`SELECT c.id, c.user_id, u.given_name, u.surname, u.external_id,
      cl.display_name AS client_name, cl.type AS channel, m.author, m.content, m.received, c.last_updated_at
    FROM conversations c JOIN users u ON u.id = c.user_id
    LEFT JOIN clients cl ON cl.id = (SELECT id FROM clients WHERE user_id = u.id ORDER BY last_seen DESC, id LIMIT 1)
    LEFT JOIN messages m ON m.seq = (SELECT max(seq) FROM messages WHERE conversation_id = c.id)
    WHERE c.app_id = ? ORDER BY c.last_updated_at DESC, c.id LIMIT ?`)
  const channelStates = db.prepare(`SELECT message_id, max(delivered) AS delivered, min(sent_at) AS sent_at
    FROM external_messages WHERE conversation_id = ? GROUP BY message_id`)
  const changes = db.prepare('SELECT total_changes() AS n')
  return {
    /** The app's conversations, the most recently active first. */
    conversationsOfApp(appId: string, limit: number): ConversationSummary[] {
      return (conversations.all(appId, limit) as SummaryRecord[]).map((r) => ({
        id: r.id, userId: r.user_id, externalId: r.external_id, channel: r.channel, lastUpdatedAt: r.last_updated_at,
        userName: [r.given_name, r.surname].filter(Boolean).join(' ') || r.client_name,
        lastMessage: r.author && r.content && r.received
          ? { author: JSON.parse(r.author) as Author, content: JSON.parse(r.content) as StoredContent, received: r.received }
          : null,
      }))
    },
    channelStates(conversationId: string): Map<string, ChannelState> {
      const rows = channelStates.all(conversationId) as { message_id: string; delivered: number; sent_at: number }[]
      return new Map(rows.map((r) => [r.message_id, { delivered: r.delivered === 1, sentAt: r.sent_at }]))
    },
    /** SQLite's total_changes() of the store's one connection: it moves with every write the adapter makes. */
    changeCount(): number | undefined {
      return db.open ? (changes.get() as { n: number }).n : undefined
    },
  }
}
export type OverviewRepository = ReturnType<typeof overviewRepository>
