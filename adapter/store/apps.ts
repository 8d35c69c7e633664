/** Apps (the tenant boundary) and their API keys (conversations-api.md §1.2, §3). */
import type { Db } from './db.js'

export interface AppRow { id: string; displayName: string; createdAt: string }
export interface ApiKeyRow { id: string; appId: string; secret: string; displayName: string | null; createdAt: string }

interface AppRecord { id: string; display_name: string; created_at: string }
interface KeyRecord { id: string; app_id: string; secret: string; display_name: string | null; created_at: string }

const toApp = (r: AppRecord): AppRow => ({ id: r.id, displayName: r.display_name, createdAt: r.created_at })
const toKey = (r: KeyRecord): ApiKeyRow =>
  ({ id: r.id, appId: r.app_id, secret: r.secret, displayName: r.display_name, createdAt: r.created_at })

export function appsRepository(db: Db) {
  const insertApp = db.prepare('INSERT INTO apps (id, display_name, created_at) VALUES (?, ?, ?)')
  const getApp = db.prepare('SELECT * FROM apps WHERE id = ?')
  const listApps = db.prepare('SELECT * FROM apps ORDER BY created_at, id')
  const insertKey = db.prepare('INSERT INTO api_keys (id, app_id, secret, display_name, created_at) VALUES (?, ?, ?, ?, ?)')
  const getKey = db.prepare('SELECT * FROM api_keys WHERE id = ?')
  const listKeys = db.prepare('SELECT * FROM api_keys WHERE app_id = ? ORDER BY created_at, id')
  const deleteKey = db.prepare('DELETE FROM api_keys WHERE app_id = ? AND id = ?')
  return {
    create(app: AppRow): AppRow {
      insertApp.run(app.id, app.displayName, app.createdAt)
      return app
    },
    get(id: string): AppRow | undefined {
      const r = getApp.get(id) as AppRecord | undefined
      return r && toApp(r)
    },
    list(): AppRow[] {
      return (listApps.all() as AppRecord[]).map(toApp)
    },
    createKey(key: ApiKeyRow): ApiKeyRow {
      insertKey.run(key.id, key.appId, key.secret, key.displayName, key.createdAt)
      return key
    },
    getKey(id: string): ApiKeyRow | undefined {
      const r = getKey.get(id) as KeyRecord | undefined
      return r && toKey(r)
    },
    listKeys(appId: string): ApiKeyRow[] {
      return (listKeys.all(appId) as KeyRecord[]).map(toKey)
    },
    deleteKey(appId: string, keyId: string): boolean {
      return deleteKey.run(appId, keyId).changes > 0
    },
  }
}
export type AppsRepository = ReturnType<typeof appsRepository>
