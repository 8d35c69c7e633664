/** The statement cache and transaction helper every repository shares. No SQL lives outside `world/`. */
import type { Db } from './db.js'
import type Database from 'better-sqlite3'
import { GroupCommit } from './group-commit.js'

export class Store {
  private readonly statements = new Map<string, Database.Statement>()
  /** Writes of one event-loop turn, committed together (group-commit.ts). */
  readonly commits: GroupCommit

  constructor(readonly db: Db) {
    this.transaction = db.transaction(this.runInTx)
    this.commits = new GroupCommit(this, (err) => console.error('[world] a deferred write failed', err))
  }

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /**
   * One better-sqlite3 transaction function, made once: making one per call cost a few percent of a Send API call
   * (it looks up its BEGIN/COMMIT/SAVEPOINT statements each time).
   */
  private readonly runInTx = (fn: () => unknown): unknown => fn()
  private readonly transaction: (fn: () => unknown) => unknown

  /** Runs `fn` in one transaction (a savepoint when nested): all of it is committed, or none. */
  tx<T>(fn: () => T): T {
    return this.transaction(fn) as T
  }
}

export const json = {
  parse<T>(text: string | null | undefined, fallback: T): T {
    if (text === null || text === undefined || text === '') return fallback
    return JSON.parse(text) as T
  },
  stringify: (value: unknown) => JSON.stringify(value),
}
