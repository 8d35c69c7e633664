/** Opens the world's SQLite database with the emulator's migrations (lib/sqlite.ts does the work). */
import { openSqlite, type Db, type Migration } from '../../lib/sqlite.js'
import { MIGRATIONS } from './migrations/index.js'

export type { Db }

export function openDatabase(path: string, migrations: Migration[] = MIGRATIONS): Db {
  return openSqlite(path, migrations)
}
