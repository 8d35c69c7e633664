/**
 * Opens a SQLite database the way both parts keep their state (WAL, foreign keys) and applies pending migrations,
 * each in one transaction, recorded with a sha256 hash so an edited migration is detected instead of silently
 * diverging (drizzle's migrator pattern, STYLE §6). Protocol-neutral, so it lives in lib/: emulator/ and adapter/
 * still never import each other.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type Db = Database.Database

/**
 * The size SQLite cuts the WAL file back to whenever it starts writing it over (`journal_size_limit`). Without it the
 * file keeps the largest size a burst gave it (issue 14: 295 MB after 40,000 sends); a checkpointer that keeps up
 * (wal-checkpointer.ts) lets SQLite start over often, so the file stays near this size under load.
 */
export const WAL_SIZE_LIMIT_BYTES = 32 * 1024 * 1024

export interface Migration {
  id: number
  name: string
  sql: string
}

export function openSqlite(path: string, migrations: Migration[], now: () => number = Date.now): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
  // NORMAL is durable across a process crash in WAL mode (only an OS crash can lose the last commits).
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db, migrations, now)
  return db
}

export function migrationHash(sql: string): string {
  return createHash('sha256').update(sql).digest('hex')
}

function migrate(db: Db, migrations: Migration[], now: () => number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`)
  const applied = new Map(
    (db.prepare('SELECT id, hash FROM migrations').all() as { id: number; hash: string }[]).map((r) => [r.id, r.hash]),
  )
  for (const m of migrations) {
    const hash = migrationHash(m.sql)
    const recorded = applied.get(m.id)
    if (recorded !== undefined) {
      if (recorded !== hash) {
        throw new Error(`Migration ${m.id} (${m.name}) changed after it was applied to this database. ` +
          'Delete the database file or restore the migration.')
      }
      continue
    }
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO migrations (id, name, hash, applied_at) VALUES (?, ?, ?, ?)').run(m.id, m.name, hash, now())
    })()
  }
}
