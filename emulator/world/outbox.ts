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
}

interface DeliveryDbRow {
  id: number; app_id: string; page_id: string; field: string; body: string; status: DeliveryStatus; attempts: number
  next_attempt_at: number; created_at: number; delivered_at: number | null; last_error: string | null
}
interface AttemptDbRow {
  n: number; started_at: number; duration_ms: number; http_status: number | null; error: string | null
}

const toDelivery = (r: DeliveryDbRow): Delivery => ({
  id: r.id, appId: r.app_id, pageId: r.page_id, field: r.field, body: r.body, status: r.status, attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at, createdAt: r.created_at, deliveredAt: r.delivered_at, lastError: r.last_error,
})
const toAttempt = (r: AttemptDbRow): DeliveryAttempt => ({
  n: r.n, startedAt: r.started_at, durationMs: r.duration_ms, httpStatus: r.http_status, error: r.error,
})

/** What an attempt ended in, and what the row becomes. */
export interface AttemptOutcome {
  attempt: Omit<DeliveryAttempt, 'n'>
  status: DeliveryStatus
  nextAttemptAt: number
}

export class Outbox {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  enqueue(input: { appId: string; pageId: string; field: string; body: string }): number {
    const now = this.now()
    return Number(this.store.stmt(`INSERT INTO webhook_deliveries (app_id, page_id, field, body, status, attempts,
      next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)`)
      .run(input.appId, input.pageId, input.field, input.body, now, now).lastInsertRowid)
  }

  get(id: number): Delivery | undefined {
    const r = this.store.stmt('SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as DeliveryDbRow | undefined
    return r && toDelivery(r)
  }

  list(filter: { appId?: string; pageId?: string; status?: DeliveryStatus } = {}): Delivery[] {
    return (this.store.stmt(`SELECT * FROM webhook_deliveries WHERE (@appId IS NULL OR app_id = @appId)
      AND (@pageId IS NULL OR page_id = @pageId) AND (@status IS NULL OR status = @status) ORDER BY id`)
      .all({ appId: filter.appId ?? null, pageId: filter.pageId ?? null, status: filter.status ?? null }) as
      DeliveryDbRow[]).map(toDelivery)
  }

  attempts(id: number): DeliveryAttempt[] {
    return (this.store.stmt('SELECT * FROM webhook_attempts WHERE delivery_id = ? ORDER BY n').all(id) as
      AttemptDbRow[]).map(toAttempt)
  }

  /**
   * The rows to send now: for each (app, page), its oldest pending row, if it is due. A younger row waits until the
   * one before it is delivered or failed, so each app sees a page's events in order.
   */
  due(at: number): Delivery[] {
    return (this.store.stmt(`SELECT d.* FROM webhook_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND d.id = (SELECT MIN(h.id) FROM webhook_deliveries h
        WHERE h.status = 'pending' AND h.app_id = d.app_id AND h.page_id = d.page_id)
      ORDER BY d.id`).all(at) as DeliveryDbRow[]).map(toDelivery)
  }

  /** The earliest time a pending row becomes due, so the worker can sleep until then. */
  nextDueAt(): number | undefined {
    const r = this.store.stmt(`SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`)
      .get() as { at: number | null }
    return r.at ?? undefined
  }

  /** Records an attempt and the row's new state together; nothing when the row is gone (the world was reset). */
  recordAttempt(id: number, outcome: AttemptOutcome): void {
    this.store.tx(() => {
      const { attempt: a, status, nextAttemptAt } = outcome
      const updated = this.store.stmt(`UPDATE webhook_deliveries SET attempts = attempts + 1, status = ?,
        next_attempt_at = ?, delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END, last_error = ?
        WHERE id = ?`).run(status, nextAttemptAt, status, a.startedAt + a.durationMs, a.error ?? httpError(a), id)
      if (updated.changes === 0) return
      this.store.stmt(`INSERT INTO webhook_attempts (delivery_id, n, started_at, duration_ms, http_status, error)
        VALUES (?, (SELECT attempts FROM webhook_deliveries WHERE id = ?), ?, ?, ?, ?)`)
        .run(id, id, a.startedAt, a.durationMs, a.httpStatus, a.error)
    })
  }

  /** Puts a row back in the queue, due now (the control API's redeliver); its past attempts stay in the log. */
  requeue(id: number): boolean {
    return this.store.stmt(`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, last_error = NULL
      WHERE id = ?`).run(this.now(), id).changes > 0
  }
}

function httpError(a: Omit<DeliveryAttempt, 'n'>): string | null {
  return a.httpStatus !== null && (a.httpStatus < 200 || a.httpStatus > 299) ? `HTTP ${a.httpStatus}` : null
}
