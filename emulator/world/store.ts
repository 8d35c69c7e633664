/** The statement cache and transaction helper every repository shares. No SQL lives outside `world/`. */
import type { Db } from './db.js'
import type Database from 'better-sqlite3'
import { GroupCommit } from './group-commit.js'
import { NAMES_CACHED_TABLE, ReadCache } from './read-cache.js'

export class Store {
  private readonly statements = new Map<string, Database.Statement>()
  /** Writes of one event-loop turn, committed together (group-commit.ts). */
  readonly commits: GroupCommit
  /** Rows read on every call, emptied by any write to their tables (read-cache.ts). */
  readonly cache = new ReadCache()
  /** Counts writes to cached tables, so a rolled-back transaction knows whether it wrote one. */
  private cachedTableWrites = 0

  constructor(readonly db: Db) {
    this.transaction = db.transaction(this.runInTx)
    this.commits = new GroupCommit((fn) => this.tx(fn), (err) => console.error('[world] a deferred write failed', err))
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      if (!s.readonly && NAMES_CACHED_TABLE.test(sql)) this.invalidatesCache(s, sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Every run of this write empties the read cache, so no repository can forget to (read-cache.ts). */
  private invalidatesCache(s: Database.Statement, sql: string): void {
    // Only `run()` is wrapped: a write that also returns rows (RETURNING) would slip past it through get()/all().
    if (s.reader) throw new Error(`A write to a cached table must not return rows (read-cache.ts): ${sql}`)
    const run = s.run.bind(s)
    s.run = (...params: unknown[]) => {
      this.cachedTableWrites++
      this.cache.clear()
      return run(...params)
    }
  }

  /**
   * One better-sqlite3 transaction function, made once: making one per call cost a few percent of a Send API call
   * (it looks up its BEGIN/COMMIT/SAVEPOINT statements each time).
   */
  private readonly runInTx = (fn: () => unknown): unknown => fn()
  private readonly transaction: (fn: () => unknown) => unknown

  /** Runs `fn` in one transaction (a savepoint when nested): all of it is committed, or none. */
  tx<T>(fn: () => T): T {
    const writesBefore = this.cachedTableWrites
    try {
      return this.transaction(fn) as T
    } catch (err) {
      // Rolled back: rows read into the cache after its writes were never committed.
      if (this.cachedTableWrites !== writesBefore) this.cache.clear()
      throw err
    }
  }
}

export const json = {
  parse<T>(text: string | null | undefined, fallback: T): T {
    if (text === null || text === undefined || text === '') return fallback
    return JSON.parse(text) as T
  },
  stringify: (value: unknown) => JSON.stringify(value),
}
