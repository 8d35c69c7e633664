/**
 * A cheap "has the world changed?" signal for the dashboard's live updates: SQLite's `total_changes()`, the number of
 * rows this connection has inserted, updated or deleted since it opened. Every write of the emulator goes through
 * this one connection, so the counter moves with every commit (and with rolled-back writes too, which only costs a
 * needless refresh). Reading it touches no table, and nothing is added to the write path: the Graph hot path stays
 * as it is. https://www.sqlite.org/lang_corefunc.html#total_changes
 */
import type { Store } from './store.js'

export class ChangeCounter {
  constructor(private readonly store: Store) {}

  /** A number that grows whenever the world is written to; undefined once the database is closed. */
  current(): number | undefined {
    if (!this.store.db.open) return undefined
    return (this.store.stmt('SELECT total_changes() AS n').get() as { n: number }).n
  }
}
