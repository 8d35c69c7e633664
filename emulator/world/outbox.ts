/**
 * The webhook outbox (DESIGN principle 5): every event owed to an app is a committed row before anything is sent,
 * and every attempt to send it is recorded. Rows leave `pending` only when the receiver acknowledged them
 * (`delivered`) or the retry window closed (`failed`).
 */
import type { Store } from './store.js'

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed']

export interface Delivery {
  id: number
  appId: string
  pageId: string
  field: string
  /** The raw JSON body, exactly the bytes sent and signed. */
  body: string
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: number
  createdAt: number
  deliveredAt: number | null
  lastError: string | null
}

export interface DeliveryAttempt {
  n: number
  startedAt: number
  durationMs: number
  httpStatus: number | null
  error: string | null
  /** The batch the attempt sent (null for attempts made before batching, which sent the row's own body). */
  batchId: number | null
  /** The exact body the attempt sent: this row's event, with the other events of its batch. */
  body: string
  /** How many events (outbox rows) that body carried. */
  events: number
}

interface DeliveryDbRow {
  id: number; app_id: string; page_id: string; field: string; body: string; status: DeliveryStatus; attempts: number
  next_attempt_at: number; created_at: number; delivered_at: number | null; last_error: string | null
}
interface AttemptDbRow {
  n: number; started_at: number; duration_ms: number; http_status: number | null; error: string | null
  batch_id: number | null; body: string; events: number
}

const toDelivery = (r: DeliveryDbRow): Delivery => ({
  id: r.id, appId: r.app_id, pageId: r.page_id, field: r.field, body: r.body, status: r.status, attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at, createdAt: r.created_at, deliveredAt: r.delivered_at, lastError: r.last_error,
})
const toAttempt = (r: AttemptDbRow): DeliveryAttempt => ({
  n: r.n, startedAt: r.started_at, durationMs: r.duration_ms, httpStatus: r.http_status, error: r.error,
  batchId: r.batch_id, body: r.body, events: r.events,
})

/** What a request did, shared by every row it carried. */
export type AttemptRecord = Pick<DeliveryAttempt, 'startedAt' | 'durationMs' | 'httpStatus' | 'error'>

/** What one row becomes after an attempt. */
export interface RowOutcome {
  id: number
  status: DeliveryStatus
  nextAttemptAt: number
}

export interface DeliveryListFilter { appId?: string; pageId?: string; status?: DeliveryStatus; limit?: number }

/** The rows a list filter matches; a null parameter matches anything, so the statement text is fixed. */
const MATCHING = '(@appId IS NULL OR app_id = @appId) AND (@pageId IS NULL OR page_id = @pageId) ' +
  'AND (@status IS NULL OR status = @status)'
const matching = (f: DeliveryListFilter) =>
  ({ appId: f.appId ?? null, pageId: f.pageId ?? null, status: f.status ?? null })

export class Outbox {
  private readonly listeners = new Set<() => void>()

  constructor(private readonly store: Store, private readonly now: () => number) {}

  /**
   * Calls `listener` whenever a row is queued (the delivery worker wakes up; webhooks/delivery.ts): it runs inside the
   * caller's transaction, so it must only schedule work for later. Answers the function that stops it.
   */
  onQueued(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  enqueue(input: { appId: string; pageId: string; field: string; body: string }): number {
    const now = this.now()
    const id = Number(this.store.stmt(`INSERT INTO webhook_deliveries (app_id, page_id, field, body, status, attempts,
      next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`)
      .run(input.appId, input.pageId, input.field, input.body, now, now).lastInsertRowid)
    this.queued()
    return id
  }

  private queued(): void {
    for (const listener of this.listeners) listener()
  }

  get(id: number): Delivery | undefined {
    const r = this.store.stmt('SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as DeliveryDbRow | undefined
    return r && toDelivery(r)
  }

  /** Oldest first; with `limit`, the newest `limit` rows matching (still oldest first). */
  list(filter: DeliveryListFilter = {}): Delivery[] {
    return (this.store.stmt(`SELECT * FROM (SELECT * FROM webhook_deliveries WHERE ${MATCHING} ORDER BY id DESC
      LIMIT @limit) ORDER BY id`).all({ ...matching(filter), limit: filter.limit ?? -1 }) as DeliveryDbRow[])
      .map(toDelivery)
  }

  /** How many rows `list(filter)` would give without a limit. */
  count(filter: DeliveryListFilter = {}): number {
    return (this.store.stmt(`SELECT count(*) AS n FROM webhook_deliveries WHERE ${MATCHING}`).get(matching(filter)) as
      { n: number }).n
  }

  attempts(id: number): DeliveryAttempt[] {
    return (this.store.stmt(`SELECT a.*, COALESCE(b.body, d.body) AS body, COALESCE(b.events, 1) AS events
      FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
      LEFT JOIN webhook_batches b ON b.id = a.batch_id WHERE a.delivery_id = ? ORDER BY a.n`).all(id) as
      AttemptDbRow[]).map(toAttempt)
  }

  /**
   * The rows to send now: for each (app, page), its oldest pending row, if it is due. A younger row waits until the
   * one before it is delivered or failed, so each app sees a page's events in order.
   *
   * The queue index is walked pair by pair (each step an index seek to the head of the next pair), so a pass costs
   * the number of pairs, not the number of pending rows: under load thousands of rows wait behind each head, and a
   * query over all of them on every pass took a fifth of the emulator's time (`npm run bench`).
   */
  due(at: number): Delivery[] {
    // Two seeks instead of one row-value range `(app_id, page_id) > (?, ?)`: SQLite bounds such a range by its first
    // column only, which walks every pending row of the app.
    const nextPageOfApp = this.store.stmt(`SELECT * FROM webhook_deliveries WHERE status = 'pending' AND app_id = ?
      AND page_id > ? ORDER BY page_id, id LIMIT 1`)
    const nextApp = this.store.stmt(`SELECT * FROM webhook_deliveries WHERE status = 'pending' AND app_id > ?
      ORDER BY app_id, page_id, id LIMIT 1`)
    const due: Delivery[] = []
    let head = nextApp.get('') as DeliveryDbRow | undefined
    while (head) {
      if (head.next_attempt_at <= at) due.push(toDelivery(head))
      head = (nextPageOfApp.get(head.app_id, head.page_id) ?? nextApp.get(head.app_id)) as DeliveryDbRow | undefined
    }
    return due.sort((a, b) => a.id - b.id)
  }

  /**
   * The pending rows of `head`'s (app, page) from `head` on, oldest first, at most `limit`: what one batched request
   * carries. Rows behind the head go with it whatever their own due time, since they could only wait for it anyway.
   */
  batchFrom(head: Delivery, limit: number): Delivery[] {
    return (this.store.stmt(`SELECT * FROM webhook_deliveries WHERE status = 'pending' AND app_id = ? AND page_id = ?
      AND id >= ? ORDER BY id LIMIT ?`).all(head.appId, head.pageId, head.id, limit) as DeliveryDbRow[]).map(toDelivery)
  }

  /**
   * Records one request that carried several rows: its body once, then on every row the attempt and the row's new
   * state, in one transaction. Rows gone meanwhile (the world was reset) get nothing.
   *
   * Set-based: the rows that share an outcome (all of them, when the receiver answered 200) are updated by one
   * statement, and their attempts inserted by another, over the ids as a JSON array. A statement per row cost more
   * than the Send API call that queued the row (`npm run bench send-api`).
   */
  recordBatchAttempt(body: string, attempt: AttemptRecord, rows: RowOutcome[]): void {
    const lastError = attempt.error ?? httpError(attempt)
    const deliveredAt = attempt.startedAt + attempt.durationMs
    const byOutcome = new Map<string, RowOutcome[]>()
    for (const row of rows) {
      const key = `${row.status} ${row.nextAttemptAt}`
      const group = byOutcome.get(key)
      if (group) group.push(row)
      else byOutcome.set(key, [row])
    }
    this.store.tx(() => {
      let updated = 0
      for (const group of byOutcome.values()) {
        const { status, nextAttemptAt } = group[0]!
        updated += this.store.stmt(`UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?,
          next_attempt_at = ?, delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END, last_error = ?
          WHERE id IN (SELECT value FROM json_each(?))`)
          .run(status, nextAttemptAt, status, deliveredAt, lastError, idList(group)).changes
      }
      if (updated === 0) return
      // The newest row it carried: once the retention job has removed every row up to it, the body goes too.
      const lastDeliveryId = Math.max(...rows.map((r) => r.id))
      const batchId = Number(this.store.stmt(`INSERT INTO webhook_batches (body, events, last_delivery_id)
        VALUES (?, ?, ?)`).run(body, rows.length, lastDeliveryId).lastInsertRowid)
      // After the update, a row's `attempts` is this attempt's number.
      this.store.stmt(`INSERT INTO webhook_attempts (delivery_id, n, started_at, duration_ms, http_status, error,
        batch_id) SELECT id, attempts, ?, ?, ?, ?, ? FROM webhook_deliveries WHERE id IN (SELECT value FROM json_each(?))`)
        .run(attempt.startedAt, attempt.durationMs, attempt.httpStatus, attempt.error, batchId, idList(rows))
    })
  }

  /** Puts a row back in the queue, due now (the control API's redeliver); its past attempts stay in the log. */
  requeue(id: number): boolean {
    const requeued = this.store.stmt(`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?,
      last_error = NULL WHERE id = ?`).run(this.now(), id).changes > 0
    if (requeued) this.queued()
    return requeued
  }
}

const idList = (rows: readonly { id: number }[]) => JSON.stringify(rows.map((r) => r.id))

function httpError(a: AttemptRecord): string | null {
  return a.httpStatus !== null && (a.httpStatus < 200 || a.httpStatus > 299) ? `HTTP ${a.httpStatus}` : null
}
