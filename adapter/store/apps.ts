/**
 * Apps (the tenant boundary) and API keys (conversations-api.md §1.2, §3): app keys (`app_…`) reach their own app,
 * account keys (`act_…`) reach every app of the account, which for the adapter is all of them.
 */
import type { Db } from './db.js'
import type { Metadata } from '../conversations/types.js'

export interface AppRow {
  id: string
  displayName: string
  settings: Record<string, unknown>
  metadata: Metadata
  createdAt: string
}
export interface ApiKeyRow { id: string; appId: string; secret: string; displayName: string | null; createdAt: string }
export interface AccountKeyRow { id: string; secret: string; displayName: string | null; createdAt: string }

interface AppRecord { id: string; display_name: string; settings: string; metadata: string; created_at: string }
interface KeyRecord { id: string; app_id: string; secret: string; display_name: string | null; created_at: string }
interface AccountKeyRecord { id: string; secret: string; display_name: string | null; created_at: string }

const toApp = (r: AppRecord): AppRow => ({
  id: r.id, displayName: r.display_name, settings: JSON.parse(r.settings) as AppRow['settings'],
  metadata: JSON.parse(r.metadata) as Metadata, createdAt: r.created_at,
})
const toKey = (r: KeyRecord): ApiKeyRow =>
  ({ id: r.id, appId: r.app_id, secret: r.secret, displayName: r.display_name, createdAt: r.created_at })
const toAccountKey = (r: AccountKeyRecord): AccountKeyRow =>
  ({ id: r.id, secret: r.secret, displayName: r.display_name, createdAt: r.created_at })

export function appsRepository(db: Db) {
  const insertApp = db.prepare('INSERT INTO apps (id, display_name, settings, metadata, created_at) VALUES (?, ?, ?, ?, ?)')
  const getApp = db.prepare('SELECT * FROM apps WHERE id = ?')
  const listApps = db.prepare('SELECT * FROM apps ORDER BY created_at, id')
  const updateApp = db.prepare('UPDATE apps SET display_name = ?, settings = ?, metadata = ? WHERE id = ?')
  const deleteApp = db.prepare('DELETE FROM apps WHERE id = ?')
  const insertKey = db.prepare('INSERT INTO api_keys (id, app_id, secret, display_name, created_at) VALUES (?, ?, ?, ?, ?)')
  const getKey = db.prepare('SELECT * FROM api_keys WHERE id = ?')
  const listKeys = db.prepare('SELECT * FROM api_keys WHERE app_id = ? ORDER BY created_at, id')
  const deleteKey = db.prepare('DELETE FROM api_keys WHERE app_id = ? AND id = ?')
  const insertAccountKey = db.prepare('INSERT INTO account_keys (id, secret, display_name, created_at) VALUES (?, ?, ?, ?)')
  const getAccountKey = db.prepare('SELECT * FROM account_keys WHERE id = ?')
  const firstAccountKey = db.prepare('SELECT * FROM account_keys ORDER BY created_at, id LIMIT 1')
  return {
    create(app: AppRow): AppRow {
      insertApp.run(app.id, app.displayName, JSON.stringify(app.settings), JSON.stringify(app.metadata), app.createdAt)
      return app
    },
    get(id: string): AppRow | undefined {
      const r = getApp.get(id) as AppRecord | undefined
      return r && toApp(r)
    },
    list(): AppRow[] {
      return (listApps.all() as AppRecord[]).map(toApp)
    },
    update(app: AppRow): AppRow {
      updateApp.run(app.displayName, JSON.stringify(app.settings), JSON.stringify(app.metadata), app.id)
      return app
    },
    /** Everything of the app goes with it (foreign keys cascade). */
    delete(id: string): boolean {
      return deleteApp.run(id).changes > 0
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
    createAccountKey(key: AccountKeyRow): AccountKeyRow {
      insertAccountKey.run(key.id, key.secret, key.displayName, key.createdAt)
      return key
    },
    getAccountKey(id: string): AccountKeyRow | undefined {
      const r = getAccountKey.get(id) as AccountKeyRecord | undefined
      return r && toAccountKey(r)
    },
    firstAccountKey(): AccountKeyRow | undefined {
      const r = firstAccountKey.get() as AccountKeyRecord | undefined
      return r && toAccountKey(r)
    },
  }
}
export type AppsRepository = ReturnType<typeof appsRepository>
