/**
 * Retention of logs that grow with use (issue 14: nothing was ever pruned, about 2.2 KB on disk per send): the
 * emulator's request journal and webhook deliveries, the adapter's finished outbox rows, seen-event ids and rejected
 * events. A log keeps its newest `maxRows` rows and none older than `maxAgeMs`, except rows still owed (a delivery
 * not yet made, a seen-event id Facebook may still redeliver), which are never dropped.
 *
 * A periodic job off the request path prunes oldest first, in small transactions with a turn of the event loop
 * between them, so a request never waits behind a long delete. Protocol-neutral: each server hands it its tables.
 */

export interface RetentionOptions {
  /** Each log keeps its newest this many rows (default 50,000; 0 keeps every row). */
  maxRows?: number
  /** Rows older than this are dropped (default 7 days; 0 keeps rows of any age). */
  maxAgeMs?: number
  /** How often the job runs (default 60 s). */
  intervalMs?: number
}

const DAY_MS = 24 * 3600_000

/**
 * A CI run keeps its whole history (tens of thousands of calls, a few hours), a dev server left running for weeks
 * keeps a flat disk: about 50,000 sends' journal and deliveries, some 100 MB at the 2.2 KB a send measured.
 */
export const RETENTION_DEFAULTS: Required<RetentionOptions> = { maxRows: 50_000, maxAgeMs: 7 * DAY_MS, intervalMs: 60_000 }

/** Rows per transaction: a few milliseconds of deleting at most, between requests. */
const BATCH_ROWS = 500

/** A row as the job sees it: its id (ascending in the order rows were written), when, and whether it is still owed. */
export interface LogRow { id: number; at: number; owed: boolean }

/** A log table the job prunes. Ids grow as rows are written, and `at` with them. */
export interface LogTable {
  name: string
  /** The newest row's id (0 when empty): rows within `maxRows` of it are the newest `maxRows`. */
  newestId(): number
  /** The oldest `limit` rows with an id above `after`, in id order. */
  oldest(after: number, limit: number): LogRow[]
  /** Deletes these rows and what hangs on them only, in one transaction. */
  remove(ids: number[]): void
}

/** When a row may go: `cutoff.id` for the count, `cutoff.at` for the age (either -Infinity when unlimited). */
function cutoffs(table: LogTable, policy: Required<RetentionOptions>, now: number) {
  return {
    id: policy.maxRows > 0 ? table.newestId() - policy.maxRows : Number.NEGATIVE_INFINITY,
    at: policy.maxAgeMs > 0 ? now - policy.maxAgeMs : Number.NEGATIVE_INFINITY,
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export class RetentionJob {
  private readonly policy: Required<RetentionOptions>
  private timer: NodeJS.Timeout | undefined
  private running: Promise<number> | undefined
  private stopped = false

  /** `now` is the clock the tables' `at` is written with. */
  constructor(private readonly tables: LogTable[], private readonly now: () => number, options: RetentionOptions = {}) {
    this.policy = { ...RETENTION_DEFAULTS, ...options }
  }

  start(): void {
    if (this.timer || this.stopped) return
    this.timer = setInterval(() => void this.run(), this.policy.intervalMs)
    // Never the reason a process stays up.
    this.timer.unref()
  }

  /** Prunes every table now (joining a run in progress); answers how many rows went. */
  run(): Promise<number> {
    this.running ??= this.prune().finally(() => (this.running = undefined))
    return this.running
  }

  /** Stops the timer and waits for a run in progress, which stops after its current batch. */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.running
  }

  private async prune(): Promise<number> {
    let removed = 0
    for (const table of this.tables) {
      try {
        removed += await this.pruneTable(table)
      } catch (err) {
        // A log that cannot be pruned now (the database closing, a disk error) is tried again on the next run.
        console.error(`[retention] could not prune ${table.name}:`, err instanceof Error ? err.message : err)
      }
    }
    return removed
  }

  /**
   * Walks the table from its oldest row: a row goes when it is beyond the count or the age and not owed; owed rows
   * are stepped over. The walk ends at the first row within both limits, since every row after it is newer still.
   */
  private async pruneTable(table: LogTable): Promise<number> {
    const cutoff = cutoffs(table, this.policy, this.now())
    let after = 0
    let removed = 0
    while (!this.stopped) {
      const rows = table.oldest(after, BATCH_ROWS)
      const kept = rows.findIndex((r) => r.id > cutoff.id && r.at >= cutoff.at)
      const examined = kept < 0 ? rows : rows.slice(0, kept)
      const ids = examined.filter((r) => !r.owed).map((r) => r.id)
      if (ids.length > 0) table.remove(ids)
      removed += ids.length
      if (kept >= 0 || rows.length < BATCH_ROWS) break
      after = rows.at(-1)!.id
      await nextTurn()
    }
    return removed
  }
}

/**
 * `--retain-rows N` and `--retain-days D` (or their environment variables) as options, for both CLIs. Answers an
 * error message for a value that is not a number of rows or days.
 */
export function retentionFromCli(rows: string | undefined, days: string | undefined):
  { ok: true; retention: RetentionOptions } | { ok: false; error: string } {
  const retention: RetentionOptions = {}
  if (rows !== undefined) {
    const n = Number(rows)
    if (!Number.isInteger(n) || n < 0) return { ok: false, error: `--retain-rows must be a whole number ≥ 0 (got ${rows})` }
    retention.maxRows = n
  }
  if (days !== undefined) {
    const d = Number(days)
    if (!Number.isFinite(d) || d < 0) return { ok: false, error: `--retain-days must be a number of days ≥ 0 (got ${days})` }
    retention.maxAgeMs = d * DAY_MS
  }
  return { ok: true, retention }
}
