/** The statement cache and transaction helper every repository shares. No SQL lives outside `world/`. */
import type { Db } from './db.js'
import type Database from 'better-sqlite3'

export class Store {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(readonly db: Db) {}

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Runs `fn` in one transaction (a savepoint when nested): all of it is committed, or none. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }
}

export const json = {
  parse<T>(text: string | null | undefined, fallback: T): T {
    if (text === null || text === undefined || text === '') return fallback
    return JSON.parse(text) as T
  },
  stringify: (value: unknown) => JSON.stringify(value),
}
