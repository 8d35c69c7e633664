/**
 * The delivery log the dashboard shows (migration 008): each attempt at a business webhook, and why a business message
 * could not be delivered to Messenger. Written by the webhook worker and the Send API worker; read with the outbox.
 */
import type { Db } from './db.js'
import { toItem, type OutboxItem, type OutboxRecord } from './outbox.js'

export interface WebhookAttempt {
  /** Milliseconds since the epoch, on the adapter's clock. */
  at: number
  /** The business's answer; null when it was not reached. */
  httpStatus: number | null
  error: string | null
  durationMs: number
}

/** A message Messenger did not take: Sunshine's code and message, Facebook's error as the underlying one. */
export interface MessageFailure {
  code: string
  message: string
  underlyingError?: { message: string; code?: number; subcode?: number; type?: string; fbtrace_id?: string }
}

interface AttemptRecord { outbox_seq: number; at: number; http_status: number | null; error: string | null; duration_ms: number }

export function deliveryLogRepository(db: Db) {
  const insertAttempt = db.prepare(`INSERT INTO webhook_attempts (outbox_seq, at, http_status, error, duration_ms)
    VALUES (?, ?, ?, ?, ?)`)
  const attemptsOf = db.prepare(`SELECT a.* FROM webhook_attempts a JOIN json_each(?) s ON a.outbox_seq = s.value
    ORDER BY a.id`)
  const insertFailure = db.prepare(`INSERT OR REPLACE INTO message_failures (message_id, conversation_id, error, at)
    VALUES (?, ?, ?, ?)`)
  const failuresOf = db.prepare('SELECT message_id, error FROM message_failures WHERE conversation_id = ?')
  // The newest deliveries of the given webhooks: the webhook job's id is in the body (webhooks/dispatcher.ts).
  const webhookItems = db.prepare(`SELECT * FROM outbox WHERE kind = 'webhook'
    AND json_extract(body, '$.webhookId') IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT ?`)
  const item = db.prepare('SELECT * FROM outbox WHERE seq = ?')
  const pendingSends = db.prepare(`SELECT json_extract(body, '$.messageId') AS id FROM outbox WHERE kind = 'send'
    AND status = 'pending' AND partition_key = ? AND json_extract(body, '$.type') = 'message'`)
  return {
    addAttempt(outboxSeq: number, a: WebhookAttempt): void {
      insertAttempt.run(outboxSeq, a.at, a.httpStatus, a.error, a.durationMs)
    },
    /** Attempts per outbox row, oldest first. */
    attemptsOf(seqs: number[]): Map<number, WebhookAttempt[]> {
      const byItem = new Map<number, WebhookAttempt[]>()
      for (const r of attemptsOf.all(JSON.stringify(seqs)) as AttemptRecord[]) {
        const list = byItem.get(r.outbox_seq) ?? []
        list.push({ at: r.at, httpStatus: r.http_status, error: r.error, durationMs: r.duration_ms })
        byItem.set(r.outbox_seq, list)
      }
      return byItem
    },
    addFailure(messageId: string, conversationId: string, error: MessageFailure, at: string): void {
      insertFailure.run(messageId, conversationId, JSON.stringify(error), at)
    },
    failuresOf(conversationId: string): Map<string, MessageFailure> {
      const rows = failuresOf.all(conversationId) as { message_id: string; error: string }[]
      return new Map(rows.map((r) => [r.message_id, JSON.parse(r.error) as MessageFailure]))
    },
    /** Messages of the conversation still waiting in the Send API outbox. */
    pendingSends(conversationId: string): Set<string> {
      return new Set((pendingSends.all(`conversation:${conversationId}`) as { id: string }[]).map((r) => r.id))
    },
    webhookDeliveries(webhookIds: string[], limit: number): OutboxItem[] {
      return (webhookItems.all(JSON.stringify(webhookIds), limit) as OutboxRecord[]).map(toItem)
    },
    item(seq: number): OutboxItem | undefined {
      const r = item.get(seq) as OutboxRecord | undefined
      return r && toItem(r)
    },
  }
}
export type DeliveryLogRepository = ReturnType<typeof deliveryLogRepository>
