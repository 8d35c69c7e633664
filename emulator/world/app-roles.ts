/**
 * Each page's app roles for the handover protocol (docs §13, Messenger settings › App Roles): one primary receiver
 * and any number of secondary receivers. A page without a primary receiver has no handover: every subscribed app
 * hears every event under `messaging`, as before roles existed. The Page Inbox is a secondary receiver of every page
 * without a row here (facebook/handover.ts).
 */
import type { Store } from './store.js'

export interface PageAppRoles {
  primaryReceiver: string | null
  /** Apps given the secondary receiver role, in the order they were given it (the Page Inbox not included). */
  secondaryReceivers: string[]
}

type Role = 'primary_receiver' | 'secondary_receiver'

export class AppRoles {
  constructor(private readonly store: Store) {}

  /** Cached (read-cache.ts): every webhook event of a page asks who owns its thread. */
  of(pageId: string): PageAppRoles {
    return this.store.cache.get(`page-app-roles:${pageId}`, () => {
      const rows = this.store.stmt('SELECT app_id, role FROM page_app_roles WHERE page_id = ? ORDER BY rowid')
        .all(pageId) as { app_id: string; role: Role }[]
      return {
        primaryReceiver: rows.find((r) => r.role === 'primary_receiver')?.app_id ?? null,
        secondaryReceivers: rows.filter((r) => r.role === 'secondary_receiver').map((r) => r.app_id),
      }
    })
  }

  /** Replaces the page's roles; the caller runs it in a transaction with what the change emits. */
  set(pageId: string, roles: PageAppRoles): void {
    this.store.stmt('DELETE FROM page_app_roles WHERE page_id = ?').run(pageId)
    const insert = this.store.stmt('INSERT INTO page_app_roles (page_id, app_id, role) VALUES (?, ?, ?)')
    if (roles.primaryReceiver) insert.run(pageId, roles.primaryReceiver, 'primary_receiver')
    for (const appId of roles.secondaryReceivers) {
      if (appId !== roles.primaryReceiver) insert.run(pageId, appId, 'secondary_receiver')
    }
  }
}
