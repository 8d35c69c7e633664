/**
 * The webhook delivery worker: sends the outbox's rows to each app's callback URL (docs §4.2), signed, with a
 * timeout, in order per (app, page) with one request in flight per pair, and retries with exponential backoff until
 * the receiver answers 200 or Facebook's 8-hour failure window closes (then the row is `failed` and the app's webhook
 * is disabled, as Messenger does). Due times are on the world's clock, so a test advances the clock (or calls
 * `runOnce()`) instead of waiting. Rows are in SQLite, so a restart on the same database resumes where it stopped.
 *
 * One worker per world: `deliveryWorker(world)` gives it; `startEmulator` configures, starts and stops it.
 */
import type { World } from '../world/world.js'
import type { AttemptOutcome, Delivery } from '../world/outbox.js'
import { LIMITS } from '../graph/limits.js'
import { webhookFaults } from '../messenger/faults.js'
import { signatureHeaders } from './signature.js'

export interface DeliveryOptions {
  /** How long a receiver has to answer (default 20 s, docs §4.2). */
  timeoutMs?: number
  /** First retry delay; each further one doubles (default 1 s). Facebook's exact schedule is not documented. */
  retryBaseMs?: number
  /** Longest retry delay (default 15 min). */
  retryMaxMs?: number
  /** How often the running worker looks for due rows, e.g. after the clock was advanced (default 200 ms). */
  pollMs?: number
}

const DEFAULTS: Required<DeliveryOptions> = {
  timeoutMs: LIMITS.webhookTimeoutMs, retryBaseMs: 1000, retryMaxMs: 15 * 60 * 1000, pollMs: 200,
}

/** The headers of a delivery: JSON, and the body signed with the app secret (docs §4.2). */
export function deliveryHeaders(body: string, appSecret: string): Record<string, string> {
  return { 'content-type': 'application/json', ...signatureHeaders(body, appSecret) }
}

/** The delay before retry number `attempts` (1 after the first failure): base · 2^(attempts-1), capped. */
export function retryDelayMs(attempts: number, options: Required<DeliveryOptions>): number {
  return Math.min(options.retryBaseMs * 2 ** Math.max(0, attempts - 1), options.retryMaxMs)
}

const pairKey = (d: Delivery) => `${d.appId}|${d.pageId}`

/** What one request gave: the receiver's status, or why there was none; `permanent` failures are not retried. */
interface SendResult { httpStatus: number | null; error: string | null; permanent?: boolean }

export class DeliveryWorker {
  private options: Required<DeliveryOptions> = DEFAULTS
  private readonly inFlight = new Map<string, Promise<void>>()
  private stopping = new AbortController()
  private timer: NodeJS.Timeout | undefined
  private running = false
  private nudged = false

  constructor(private readonly world: World) {}

  get settings(): Required<DeliveryOptions> {
    return this.options
  }

  configure(options: DeliveryOptions): this {
    this.options = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) }
    return this
  }

  /** Starts polling; rows left pending by an earlier run on this database are picked up at once. */
  start(): void {
    if (this.running) return
    this.running = true
    if (this.stopping.signal.aborted) this.stopping = new AbortController()
    this.timer = setInterval(() => this.pass(), this.options.pollMs)
    this.timer.unref()
    this.nudge()
  }

  /** Stops polling and aborts requests in flight; their rows stay pending (nothing acknowledged is lost). */
  async stop(): Promise<void> {
    this.running = false
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
   * Sends every due row now and waits for the answers, following each (app, page) queue while its rows succeed.
   * Each row is tried at most once per call. Answers the ids of the rows attempted.
   */
  async runOnce(): Promise<number[]> {
    const attempted = new Set<number>()
    for (;;) {
      await Promise.allSettled([...this.inFlight.values()])
      const batch = this.startDue((d) => !attempted.has(d.id))
      for (const d of batch) attempted.add(d.id)
      // Done when nothing was started and nothing runs (the background loop may have taken the next row).
      if (batch.length === 0 && this.inFlight.size === 0) return [...attempted]
    }
  }

  private pass(): void {
    if (this.running) this.startDue(() => true)
  }

  /** Starts an attempt for each due row whose (app, page) has nothing in flight. */
  private startDue(wanted: (d: Delivery) => boolean): Delivery[] {
    if (this.stopping.signal.aborted) return []
    const started: Delivery[] = []
    for (const d of this.world.outbox.due(this.world.clock.now())) {
      const key = pairKey(d)
      if (this.inFlight.has(key) || !wanted(d)) continue
      const p = this.attempt(d).catch((err: unknown) => {
        // Only when the database is gone (closed mid-attempt): the row stays pending for the next run.
        console.error('[webhooks] could not record a delivery attempt', err)
      }).finally(() => {
        this.inFlight.delete(key)
        this.pass()
      })
      this.inFlight.set(key, p)
      started.push(d)
    }
    return started
  }

  private async attempt(d: Delivery): Promise<void> {
    const startedAt = this.world.clock.now()
    const t0 = performance.now()
    const { httpStatus, error, permanent } = await this.send(d)
    if (this.stopping.signal.aborted && httpStatus === null) return // stopped mid-request: stays pending as it was
    const durationMs = Math.round(performance.now() - t0)
    // With the sends of the same turn (group commit); the pair's next row is looked at only once this is committed.
    await this.world.commit(() => this.world.outbox.recordAttempt(d.id,
      this.outcome(d, { startedAt, durationMs, httpStatus, error }, permanent)))
  }

  private async send(d: Delivery): Promise<SendResult> {
    const app = this.world.apps.get(d.appId)
    const subscription = this.world.subscriptions.app(d.appId)
    if (!app || !subscription) {
      return { httpStatus: null, error: 'The app has no webhook subscription any more', permanent: true }
    }
    if (webhookFaults(this.world, d.appId).outage) {
      return { httpStatus: null, error: 'Webhook outage (fault switch webhookOutage on the app)' }
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs)
    try {
      const res = await fetch(subscription.callbackUrl, {
        method: 'POST', body: d.body, headers: deliveryHeaders(d.body, app.secret),
        signal: AbortSignal.any([timeout, this.stopping.signal]), redirect: 'manual',
      })
      await res.arrayBuffer().catch(() => undefined)
      return { httpStatus: res.status, error: null }
    } catch (e) {
      if (timeout.aborted) return { httpStatus: null, error: `Timed out after ${this.options.timeoutMs} ms` }
      const cause = (e as { cause?: { code?: string; message?: string } }).cause
      return { httpStatus: null, error: cause?.code ?? cause?.message ?? (e as Error).message }
    }
  }

  /**
   * Only 200 acknowledges a delivery (docs §4.2: "Must answer 200 OK"). Anything else is retried after a growing
   * delay until the row has been failing for Facebook's 8-hour window; then it is failed and the app's webhook is
   * disabled (`active: false`) until the app subscribes again.
   */
  private outcome(d: Delivery, attempt: AttemptOutcome['attempt'], permanent = false): AttemptOutcome {
    const now = this.world.clock.now()
    if (attempt.httpStatus === 200) return { attempt, status: 'delivered', nextAttemptAt: now }
    if (permanent) return { attempt, status: 'failed', nextAttemptAt: now }
    if (now - d.createdAt >= LIMITS.webhookFailureWindowMs) {
      this.world.subscriptions.setActive(d.appId, false)
      return { attempt, status: 'failed', nextAttemptAt: now }
    }
    return { attempt, status: 'pending', nextAttemptAt: now + retryDelayMs(d.attempts + 1, this.options) }
  }
}

const workers = new WeakMap<World, DeliveryWorker>()

/** The world's delivery worker (created on first use, not started). */
export function deliveryWorker(world: World): DeliveryWorker {
  let w = workers.get(world)
  if (!w) {
    w = new DeliveryWorker(world)
    workers.set(world, w)
  }
  return w
}

/** Tells the world's worker, if it runs, that rows were queued. */
export function nudgeDelivery(world: World): void {
  workers.get(world)?.nudge()
}
