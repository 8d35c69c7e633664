/**
 * The persisted outbox (DESIGN principle 5): Send API calls and business webhooks are rows committed with the change
 * that caused them, then delivered by a worker with retries. Within one partition (a conversation, or a webhook and a
 * conversation) only the oldest pending item is ever due, so delivery keeps the order.
 */
import type { Db } from './db.js'

export type OutboxKind = 'send' | 'webhook'
export type OutboxStatus = 'pending' | 'done' | 'dead'

export interface OutboxItem<B = unknown> {
  seq: number
  kind: OutboxKind
  partitionKey: string
  body: B
  status: OutboxStatus
  attempts: number
  nextAttemptAt: number
  lastError: string | null
  createdAt: number
}

export interface OutboxRecord {
  seq: number; kind: string; partition_key: string; body: string; status: string; attempts: number
  next_attempt_at: number; last_error: string | null; created_at: number
}

export const toItem = (r: OutboxRecord): OutboxItem => ({
  seq: r.seq, kind: r.kind as OutboxKind, partitionKey: r.partition_key, body: JSON.parse(r.body) as unknown,
  status: r.status as OutboxStatus, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastError: r.last_error,
  createdAt: r.created_at,
})

/** Told the kind of every item enqueued, so whoever works that kind can wake up. */
export type EnqueueListener = (kind: OutboxKind) => void

export function outboxRepository(db: Db) {
  const listeners: EnqueueListener[] = []
  const insert = db.prepare(`INSERT INTO outbox (kind, partition_key, body, next_attempt_at, created_at)
    VALUES (?, ?, ?, ?, ?)`)
  // The head of each partition: the oldest pending item. Only heads are ever handed out.
  const heads = db.prepare(`SELECT o.* FROM outbox o WHERE o.kind = ? AND o.status = 'pending' AND o.seq =
    (SELECT MIN(p.seq) FROM outbox p WHERE p.kind = o.kind AND p.partition_key = o.partition_key AND p.status = 'pending')
    ORDER BY o.next_attempt_at, o.seq`)
  const done = db.prepare(`UPDATE outbox SET status = 'done', attempts = attempts + 1, last_error = NULL,
    finished_at = ? WHERE seq = ?`)
  const dead = db.prepare(`UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?, finished_at = ?
    WHERE seq = ?`)
  const retry = db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE seq = ?`)
  const list = db.prepare('SELECT * FROM outbox WHERE kind = ? ORDER BY seq')
  return {
    /**
     * Every path that enqueues wakes the worker of that kind here, not at each call site (a webhook queued by the
     * send worker's own transaction once waited for an unrelated API write). Listeners run synchronously, usually
     * inside the caller's transaction: a worker woken this way looks for work on a later tick, after the commit.
     */
    enqueue(kind: OutboxKind, partitionKey: string, body: unknown, at: number): void {
      insert.run(kind, partitionKey, JSON.stringify(body), at, at)
      for (const listener of listeners) listener(kind)
    },
    onEnqueue(listener: EnqueueListener): void {
      listeners.push(listener)
    },
    heads(kind: OutboxKind): OutboxItem[] {
      return (heads.all(kind) as OutboxRecord[]).map(toItem)
    },
    done(seq: number, at: number): void {
      done.run(at, seq)
    },
    dead(seq: number, error: string, at: number): void {
      dead.run(error, at, seq)
    },
    retry(seq: number, error: string, nextAttemptAt: number): void {
      retry.run(error, nextAttemptAt, seq)
    },
    list(kind: OutboxKind): OutboxItem[] {
      return (list.all(kind) as OutboxRecord[]).map(toItem)
    },
  }
}
export type OutboxRepository = ReturnType<typeof outboxRepository>
