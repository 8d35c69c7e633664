/** Persistent menus per app (`app:{appId}`) or per integration (`integration:{id}`) (conversations-api.md §16). */
import type { Db } from './db.js'
import type { Menu } from '../conversations/menu.js'

export function menusRepository(db: Db) {
  const upsert = db.prepare(`INSERT INTO menus (scope, app_id, menu, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(scope) DO UPDATE SET menu = excluded.menu, updated_at = excluded.updated_at`)
  const get = db.prepare('SELECT menu FROM menus WHERE scope = ?')
  const remove = db.prepare('DELETE FROM menus WHERE scope = ?')
  return {
    put(scope: string, appId: string, menu: Menu, at: string): void {
      upsert.run(scope, appId, JSON.stringify(menu), at)
    },
    get(scope: string): Menu | undefined {
      const r = get.get(scope) as { menu: string } | undefined
      return r && JSON.parse(r.menu) as Menu
    },
    delete(scope: string): void {
      remove.run(scope)
    },
  }
}
export type MenusRepository = ReturnType<typeof menusRepository>
