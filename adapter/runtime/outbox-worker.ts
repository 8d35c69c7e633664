/**
 * Works one kind of outbox items: hands out the head of each partition when it is due, records the outcome, and
 * schedules retries with exponential backoff. Items of different partitions run concurrently; within a partition one
 * at a time, in order. Woken by `kick()` whenever an item of its kind is enqueued (store/outbox.ts `onEnqueue`), and by
 * a timer for the next retry.
 */
import type { Clock } from './clock.js'
import type { Logger } from './context.js'
import type { OutboxItem, OutboxKind } from '../store/outbox.js'
import type { Store } from '../store/store.js'

export type Outcome =
  | { ok: true; after?: () => void }
  | { ok: false; retry: boolean; error: string; after?: () => void }

export interface RetryPolicy {
  /** Delay before the 2nd attempt; doubles each time. */
  baseDelayMs: number
  maxDelayMs: number
  /** Attempts before giving up (Infinity: until maxAgeMs). */
  maxAttempts: number
  /** Items older than this are given up on. */
  maxAgeMs: number
}

export interface WorkerOptions {
  kind: OutboxKind
  store: Store
  clock: Clock
  log: Logger
  retry: RetryPolicy
  handle(item: OutboxItem): Promise<Outcome>
  /** Runs in the transaction that marks an item dead. */
  onGiveUp?(item: OutboxItem, error: string): void
}

export function backoffDelay(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1))
}

export class OutboxWorker {
  private readonly inflight = new Set<string>()
  private readonly running = new Set<Promise<void>>()
  private timer: NodeJS.Timeout | undefined
  private scheduled = false
  private stopped = false

  constructor(private readonly o: WorkerOptions) {}

  kick(): void {
    if (this.stopped || this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.tick()
    })
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }

  private tick(): void {
    if (this.stopped) return
    clearTimeout(this.timer)
    this.timer = undefined
    const now = this.o.clock.now()
    let nextDue = Number.POSITIVE_INFINITY
    for (const item of this.o.store.outbox.heads(this.o.kind)) {
      if (this.inflight.has(item.partitionKey)) continue
      if (item.nextAttemptAt > now) {
        nextDue = Math.min(nextDue, item.nextAttemptAt)
        continue
      }
      this.inflight.add(item.partitionKey)
      const p: Promise<void> = this.run(item).finally(() => {
        this.inflight.delete(item.partitionKey)
        this.running.delete(p)
        this.kick()
      })
      this.running.add(p)
    }
    if (nextDue !== Number.POSITIVE_INFINITY) {
      this.timer = setTimeout(() => this.tick(), Math.max(1, nextDue - now))
    }
  }

  private async run(item: OutboxItem): Promise<void> {
    let outcome: Outcome
    try {
      outcome = await this.o.handle(item)
    } catch (err) {
      this.o.log.error(`outbox ${this.o.kind} #${item.seq} failed unexpectedly`, err)
      outcome = { ok: false, retry: true, error: err instanceof Error ? err.message : String(err) }
    }
    if (this.stopped && !outcome.ok && outcome.retry) return
    const { store, clock, retry } = this.o
    const now = clock.now()
    store.tx(() => {
      if (outcome.ok) {
        store.outbox.done(item.seq, now)
        outcome.after?.()
        return
      }
      const attempts = item.attempts + 1
      const giveUp = !outcome.retry || attempts >= retry.maxAttempts || now - item.createdAt >= retry.maxAgeMs
      if (giveUp) {
        store.outbox.dead(item.seq, outcome.error, now)
        outcome.after?.()
        this.o.onGiveUp?.(item, outcome.error)
      } else {
        store.outbox.retry(item.seq, outcome.error, now + backoffDelay(retry, attempts))
      }
    })
  }
}
