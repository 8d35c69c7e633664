/** Opens the adapter's SQLite database with its migrations (lib/sqlite.ts does the work). */
import { openSqlite, type Db, type Migration } from '../../lib/sqlite.js'
import { MIGRATIONS } from './migrations/index.js'

export type { Db }
export { migrationHash } from '../../lib/sqlite.js'

export function openDatabase(path: string, migrations: Migration[] = MIGRATIONS, now: () => number = Date.now): Db {
  return openSqlite(path, migrations, now)
}
