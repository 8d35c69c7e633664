/**
 * The webhook delivery worker: sends the outbox's rows to each app's callback URL (docs §4.2), signed, with a
 * timeout, in order per (app, page) with one request in flight per pair, and retries with exponential backoff until
 * the receiver answers 200 or Facebook's 8-hour failure window closes (then the row is `failed` and the app's webhook
 * is disabled, as Messenger does). Due times are on the world's clock, so a test advances the clock (or calls
 * `runOnce()`) instead of waiting. Rows are in SQLite, so a restart on the same database resumes where it stopped.
 *
 * Events are batched as Facebook batches them ("several entry items and several messaging items per entry", docs
 * §4.2): one request carries every pending row of its (app, page), up to a cap, as one entry whose `messaging` holds
 * the events in order. The batch is the unit of delivery: one answer acknowledges, or fails, all of its rows. Under
 * load this is what keeps delivery up with the Send API: one event per request sent 613 of ~37,000 owed webhooks in
 * a 10 s benchmark (`npm run bench send-api`). Several pairs deliver at once, up to `maxConcurrent`.
 *
 * One worker per world, owned by the emulator's runtime (runtime/runtime.ts), which starts and stops it. The world's
 * outbox tells it when rows are queued.
 */
import type { World } from '../world/world.js'
import type { AttemptRecord, Delivery, RowOutcome } from '../world/outbox.js'
import { LIMITS } from '../facebook/limits.js'
import { webhookFaults } from '../messenger/faults.js'
import { httpPost } from '../../lib/http-post.js'
import { signatureHeaders } from './signature.js'
import { pageBatchBody, readPageEventBody } from '../facebook/page-body.js'

export interface DeliveryOptions {
  /** How long a receiver has to answer (default 20 s, docs §4.2). */
  timeoutMs?: number
  /** First retry delay; each further one doubles (default 1 s). Facebook's exact schedule is not documented. */
  retryBaseMs?: number
  /** Longest retry delay (default 15 min). */
  retryMaxMs?: number
  /** How often the running worker looks for due rows, e.g. after the clock was advanced (default 200 ms). */
  pollMs?: number
  /**
   * Most events in one request (default 100). Facebook documents no current cap ("up to 1000 per batch" in older
   * docs, unverified: docs §4.2); 100 keeps a batch far below common 1 MB body limits (the adapter's included) while
   * cutting the requests a burst needs a hundredfold.
   */
  maxBatchEvents?: number
  /** Most (app, page) pairs with a request in flight at once (default 8). */
  maxConcurrent?: number
}

const DEFAULTS: Required<DeliveryOptions> = {
  timeoutMs: LIMITS.webhookTimeoutMs.value, retryBaseMs: 1000, retryMaxMs: 15 * 60 * 1000, pollMs: 200,
  maxBatchEvents: 100, maxConcurrent: 8,
}

/** The headers of a delivery: JSON, and the body signed with the app secret (docs §4.2). */
export function deliveryHeaders(body: string, appSecret: string): Record<string, string> {
  return { 'content-type': 'application/json', ...signatureHeaders(body, appSecret) }
}

/** The delay before retry number `attempts` (1 after the first failure): base · 2^(attempts-1), capped. */
export function retryDelayMs(attempts: number, options: Required<DeliveryOptions>): number {
  return Math.min(options.retryBaseMs * 2 ** Math.max(0, attempts - 1), options.retryMaxMs)
}

/**
 * The body of one request carrying `rows` (all of one app and page, oldest first): `{object: "page", entry: [{id,
 * time, messaging: [e1, e2, …]}]}` (docs §4.3), `time` being the newest entry's. It depends only on the rows, so a
 * retry of the same rows sends, and signs, the same bytes. A single row goes as it was queued.
 */
export function batchBody(rows: readonly Delivery[]): string {
  if (rows.length === 1) return rows[0]!.body
  return pageBatchBody(rows[0]!.pageId, rows.map((r) => readPageEventBody(r.body)))
}

const pairKey = (d: Delivery) => `${d.appId}|${d.pageId}`

/** What one request gave: the receiver's status, or why there was none; `permanent` failures are not retried. */
interface SendResult { httpStatus: number | null; error: string | null; permanent?: boolean }

export class DeliveryWorker {
  private readonly inFlight = new Map<string, Promise<void>>()
  private stopping = new AbortController()
  private timer: NodeJS.Timeout | undefined
  private running = false
  private nudged = false
  private stopListening: (() => void) | undefined
  private readonly options: Required<DeliveryOptions>

  constructor(private readonly world: World, options: DeliveryOptions = {}) {
    this.options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) }
  }

  get settings(): Required<DeliveryOptions> {
    return this.options
  }

  /** Starts polling; rows left pending by an earlier run on this database are picked up at once. */
  start(): void {
    if (this.running) return
    this.running = true
    if (this.stopping.signal.aborted) this.stopping = new AbortController()
    this.timer = setInterval(() => this.pass(), this.options.pollMs)
    this.timer.unref()
    this.stopListening = this.world.outbox.onQueued(() => this.nudge())
    this.nudge()
  }

  /** Stops polling and aborts requests in flight; their rows stay pending (nothing acknowledged is lost). */
  async stop(): Promise<void> {
    this.running = false
    this.stopListening?.()
    clearInterval(this.timer)
    this.stopping.abort()
    await Promise.allSettled([...this.inFlight.values()])
  }

  /**
   * Something was queued: look soon (after the caller's transaction has committed). Nudges of one event-loop turn
   * are one pass: a batch of sends queues many rows at once.
   */
  nudge(): void {
    if (!this.running || this.nudged) return
    this.nudged = true
    setImmediate(() => {
      this.nudged = false
      this.pass()
    })
  }

  /**
   * Sends every due row now and waits for the answers, following each (app, page) queue while its batches succeed.
   * Each row is tried at most once per call. Answers the ids of the rows attempted.
   */
  async runOnce(): Promise<number[]> {
    const attempted = new Set<number>()
    for (;;) {
      await Promise.allSettled([...this.inFlight.values()])
      const started = this.startDue((d) => !attempted.has(d.id))
      for (const d of started) attempted.add(d.id)
      // Done when nothing was started and nothing runs (the background loop may have taken the next row).
      if (started.length === 0 && this.inFlight.size === 0) return [...attempted]
    }
  }

  private pass(): void {
    if (this.running) this.startDue(() => true)
  }

  /**
   * Starts a batch for each (app, page) whose oldest row is due and that has nothing in flight, oldest first, while
   * fewer than `maxConcurrent` pairs are in flight. Answers the rows started.
   */
  private startDue(wanted: (d: Delivery) => boolean): Delivery[] {
    if (this.stopping.signal.aborted) return []
    const started: Delivery[] = []
    for (const head of this.world.outbox.due(this.world.clock.now())) {
      if (this.inFlight.size >= this.options.maxConcurrent) break
      const key = pairKey(head)
      if (this.inFlight.has(key) || !wanted(head)) continue
      const rows = this.world.outbox.batchFrom(head, this.options.maxBatchEvents)
      const p = this.attempt(rows).catch((err: unknown) => {
        // Only when the database is gone (closed mid-attempt): the row stays pending for the next run.
        console.error('[webhooks] could not record a delivery attempt', err)
      }).finally(() => {
        this.inFlight.delete(key)
        this.pass()
      })
      this.inFlight.set(key, p)
      started.push(...rows)
    }
    return started
  }

  /** Sends `rows` (one pair's, oldest first) in one request and records the attempt on each of them. */
  private async attempt(rows: Delivery[]): Promise<void> {
    const { appId } = rows[0]!
    const body = batchBody(rows)
    const startedAt = this.world.clock.now()
    const t0 = performance.now()
    const { httpStatus, error, permanent } = await this.send(appId, body)
    if (this.stopping.signal.aborted && httpStatus === null) return // stopped mid-request: stays pending as it was
    const attempt: AttemptRecord = { startedAt, durationMs: Math.round(performance.now() - t0), httpStatus, error }
    // With the sends of the same turn (group commit); the pair's next rows are looked at only once this is committed.
    await this.world.commit(() => this.world.outbox.recordBatchAttempt(body, attempt,
      rows.map((d): RowOutcome => ({ id: d.id, ...this.outcome(d, httpStatus, permanent) }))))
  }

  private async send(appId: string, body: string): Promise<SendResult> {
    const app = this.world.apps.get(appId)
    const subscription = this.world.subscriptions.app(appId)
    if (!app || !subscription) {
      return { httpStatus: null, error: 'The app has no webhook subscription any more', permanent: true }
    }
    if (webhookFaults(this.world, appId).outage) {
      return { httpStatus: null, error: 'Webhook outage (fault switch webhookOutage on the app)' }
    }
    try {
      const httpStatus = await httpPost(subscription.callbackUrl, {
        body, headers: deliveryHeaders(body, app.secret), timeoutMs: this.options.timeoutMs, signal: this.stopping.signal,
      })
      return { httpStatus, error: null }
    } catch (e) {
      // The log says why in a word: "Timed out after 20000 ms", or the socket's code ("ECONNREFUSED").
      const { code } = e as NodeJS.ErrnoException
      return { httpStatus: null, error: typeof code === 'string' ? code : (e as Error).message }
    }
  }

  /**
   * What one row of a batch becomes. Only 200 acknowledges a delivery (docs §4.2: "Must answer 200 OK"). Anything
   * else is retried after a growing delay until the row has been failing for Facebook's 8-hour window; then it is
   * failed and the app's webhook is disabled (`active: false`) until the app subscribes again. The head of a batch
   * is its oldest row, so its schedule decides when the batch goes again.
   */
  private outcome(d: Delivery, httpStatus: number | null, permanent = false): Omit<RowOutcome, 'id'> {
    const now = this.world.clock.now()
    if (httpStatus === 200) return { status: 'delivered', nextAttemptAt: now }
    if (permanent) return { status: 'failed', nextAttemptAt: now }
    if (now - d.createdAt >= LIMITS.webhookFailureWindowMs.value) {
      this.world.subscriptions.setActive(d.appId, false)
      return { status: 'failed', nextAttemptAt: now }
    }
    return { status: 'pending', nextAttemptAt: now + retryDelayMs(d.attempts + 1, this.options) }
  }
}
