/**
 * Group commit: the writes that arrive in one event-loop turn are committed as one SQLite transaction.
 *
 * Why: a commit per request costs more than the rest of a Send API call (every commit writes the touched pages to
 * the WAL), and under load it held the emulator at a fraction of a bare Hono server's rate (`npm run bench`). Here
 * each request is validated first, then queues its write with `run()`; one `setImmediate` flush runs every queued
 * write in its own SAVEPOINT inside one transaction and resolves each caller only after COMMIT, so a 2xx still means
 * committed (DESIGN principle 5) and a write that throws rolls back alone and rejects only its own caller.
 *
 * Writes nobody waits for (the request journal) join the next batch with `defer()`; a read that must see them calls
 * `flush()` first. A synchronous `Store.tx()` outside a batch still commits on its own, as before.
 */

interface Queued {
  fn: () => unknown
  resolve(value: unknown): void
  reject(error: unknown): void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export class GroupCommit {
  private queue: Queued[] = []
  private scheduled = false

  /**
   * `tx` runs a function in one transaction, or in a savepoint when nested (Store.tx): the batch is one transaction
   * and each write in it one savepoint.
   */
  constructor(private readonly tx: <T>(fn: () => T) => T, private readonly onDeferredError: (error: unknown) => void) {}

  /** Runs `fn` in the next batch, in its own savepoint; settles after the batch's COMMIT (or with `fn`'s error). */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject })
      this.schedule()
    })
  }

  /** Runs `fn` in the next batch without waiting for it; an error is reported, never thrown at anyone. */
  defer(fn: () => void): void {
    this.queue.push({ fn, resolve: () => undefined, reject: this.onDeferredError })
    this.schedule()
  }

  /** Commits everything queued now (also before the database closes). */
  flush(): void {
    const batch = this.queue
    this.queue = []
    if (batch.length === 0) return
    let outcomes: Outcome[]
    try {
      outcomes = this.tx(() => batch.map((item): Outcome => {
        try {
          // Nested in the batch, the transaction is a SAVEPOINT: a throw rolls back this write only.
          return { ok: true, value: this.tx(item.fn) }
        } catch (error) {
          return { ok: false, error }
        }
      }))
    } catch (error) {
      // COMMIT itself failed (disk full, database closed): nothing of the batch was stored.
      for (const item of batch) item.reject(error)
      return
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!
      if (outcome.ok) item.resolve(outcome.value)
      else item.reject(outcome.error)
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.flush()
    })
  }
}
