/** Keys of inbound Messenger events already processed: Facebook may redeliver (messenger-platform.md §4.2). */
import type { Db } from './db.js'

export function seenEventsRepository(db: Db) {
  const insert = db.prepare('INSERT OR IGNORE INTO seen_events (key, seen_at) VALUES (?, ?)')
  const has = db.prepare('SELECT 1 FROM seen_events WHERE key = ?')
  return {
    has(key: string): boolean {
      return has.get(key) !== undefined
    },
    /** Records the key; false when it was already there (the event is a redelivery). */
    firstTime(key: string, at: number): boolean {
      return insert.run(key, at).changes > 0
    },
  }
}
export type SeenEventsRepository = ReturnType<typeof seenEventsRepository>
