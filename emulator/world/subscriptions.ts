/**
 * Webhook subscriptions, both halves Facebook needs before an event reaches an app (docs §5): the app's own
 * `object: "page"` subscription (`/{app-id}/subscriptions`: callback URL, verify token, fields) and the pages
 * subscribed to the app (`/{page-id}/subscribed_apps`: the fields that page sends the app).
 */
import { json, type Store } from './store.js'

/** The version fields are recorded with when no version is known (an unversioned call, the dashboard, an import). */
export const DEFAULT_GRAPH_VERSION = 'v21.0'

/** A subscribed field and the Graph version the subscription was made with (GET answers both, docs §5.1). */
export interface SubscribedField { name: string; version: string }

export interface AppSubscription {
  appId: string
  object: 'page'
  callbackUrl: string
  verifyToken: string
  fields: SubscribedField[]
  includeValues: boolean
  active: boolean
}

export interface PageSubscription { pageId: string; appId: string; fields: string[] }

interface AppSubscriptionDbRow {
  app_id: string; object: 'page'; callback_url: string; verify_token: string; fields: string; include_values: number
  active: number
}
interface PageSubscriptionDbRow { page_id: string; app_id: string; fields: string }

const toAppSubscription = (r: AppSubscriptionDbRow): AppSubscription => ({
  appId: r.app_id, object: r.object, callbackUrl: r.callback_url, verifyToken: r.verify_token,
  fields: json.parse(r.fields, []), includeValues: r.include_values === 1, active: r.active === 1,
})
const toPageSubscription = (r: PageSubscriptionDbRow): PageSubscription => ({
  pageId: r.page_id, appId: r.app_id, fields: json.parse(r.fields, []),
})

export class Subscriptions {
  constructor(private readonly store: Store, private readonly now: () => number) {}

  /** Cached (read-cache.ts): every emitted event asks which apps receive it. */
  app(appId: string, object = 'page'): AppSubscription | undefined {
    return this.store.cache.get(`app-subscription:${appId}:${object}`, () => {
      const r = this.store.stmt('SELECT * FROM app_subscriptions WHERE app_id = ? AND object = ?').get(appId, object) as
        AppSubscriptionDbRow | undefined
      return r && toAppSubscription(r)
    })
  }

  /**
   * Creates or replaces the app's subscription for its object (a re-POST replaces it, docs §5.1). A subscription with
   * fields marks the app's webhook as configured.
   */
  saveApp(s: AppSubscription): void {
    this.store.stmt(`INSERT INTO app_subscriptions (app_id, object, callback_url, verify_token, fields, include_values,
      active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (app_id, object) DO UPDATE SET callback_url = excluded.callback_url,
        verify_token = excluded.verify_token, fields = excluded.fields, include_values = excluded.include_values,
        active = excluded.active, updated_at = excluded.updated_at`)
      .run(s.appId, s.object, s.callbackUrl, s.verifyToken, json.stringify(s.fields), s.includeValues ? 1 : 0,
        s.active ? 1 : 0, this.now())
    if (s.fields.length > 0) this.markConfigured(s.appId)
  }

  setActive(appId: string, active: boolean, object = 'page'): void {
    this.store.stmt('UPDATE app_subscriptions SET active = ?, updated_at = ? WHERE app_id = ? AND object = ?')
      .run(active ? 1 : 0, this.now(), appId, object)
  }

  deleteApp(appId: string, object = 'page'): boolean {
    return this.store.stmt('DELETE FROM app_subscriptions WHERE app_id = ? AND object = ?').run(appId, object)
      .changes > 0
  }

  /** Whether the app's webhook has ever had fields (the webhook-fields bug spares such apps). */
  isConfigured(appId: string): boolean {
    return this.store.stmt('SELECT 1 FROM webhook_configured_apps WHERE app_id = ?').get(appId) !== undefined
  }

  private markConfigured(appId: string): void {
    this.store.stmt('INSERT OR IGNORE INTO webhook_configured_apps (app_id, configured_at) VALUES (?, ?)')
      .run(appId, this.now())
  }

  page(pageId: string, appId: string): PageSubscription | undefined {
    const r = this.store.stmt('SELECT * FROM page_subscribed_apps WHERE page_id = ? AND app_id = ?')
      .get(pageId, appId) as PageSubscriptionDbRow | undefined
    return r && toPageSubscription(r)
  }

  /** The apps a page is subscribed to, in the order they were subscribed. Cached (read-cache.ts), as `app()`. */
  ofPage(pageId: string): PageSubscription[] {
    return this.store.cache.get(`page-subscriptions:${pageId}`, () => (this.store.stmt(
      'SELECT * FROM page_subscribed_apps WHERE page_id = ? ORDER BY subscribed_at, rowid')
      .all(pageId) as PageSubscriptionDbRow[]).map(toPageSubscription))
  }

  /** Subscribes the page to the app with these fields; subscribing again replaces the fields (docs §5.2). */
  savePage(s: PageSubscription): void {
    this.store.stmt(`INSERT INTO page_subscribed_apps (page_id, app_id, fields, subscribed_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (page_id, app_id) DO UPDATE SET fields = excluded.fields`)
      .run(s.pageId, s.appId, json.stringify(s.fields), this.now())
  }

  deletePage(pageId: string, appId: string): boolean {
    return this.store.stmt('DELETE FROM page_subscribed_apps WHERE page_id = ? AND app_id = ?').run(pageId, appId)
      .changes > 0
  }
}

// ── The world document's form (DESIGN "World document") ───────────────────────────────────────────────────────────

/** `apps[].webhook`: the app's `page` subscription, as if made through `/{app-id}/subscriptions` (not verified). */
