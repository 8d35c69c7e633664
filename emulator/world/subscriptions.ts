/**
 * Webhook subscriptions, both halves Facebook needs before an event reaches an app (docs §5): the app's own
 * `object: "page"` subscription (`/{app-id}/subscriptions`: callback URL, verify token, fields) and the pages
 * subscribed to the app (`/{page-id}/subscribed_apps`: the fields that page sends the app).
 */
import * as z from 'zod'
import { json, type Store } from './store.js'
import { ids } from './ids.js'
import type { World } from './world.js'
import { PAGE_SUBSCRIPTION_FIELDS } from '../webhooks/types.js'

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
export const WebhookDocSchema = z.object({
  callbackUrl: z.url({ protocol: /^https?$/ }),
  verifyToken: z.string().min(1).max(200).optional(),
  fields: z.array(z.enum(PAGE_SUBSCRIPTION_FIELDS)).optional(),
}).strict()

/** `pages[].subscribedApps`: the page's `subscribed_apps`, each naming an app by id (or by name in the document). */
export const SubscribedAppDocSchema = z.object({
  appId: z.string().min(1),
  fields: z.array(z.enum(PAGE_SUBSCRIPTION_FIELDS)).min(1),
}).strict()

export type WebhookDoc = z.infer<typeof WebhookDocSchema>
export type SubscribedAppDoc = z.infer<typeof SubscribedAppDocSchema>

/**
 * Records an app's webhook from the document and answers its document form. The state is taken as given: the
 * webhook-fields bug acts on API calls, not on imports, so an export round-trips.
 */
export function importWebhook(world: World, appId: string, doc: WebhookDoc | undefined): { webhook?: WebhookDoc } {
  if (doc) {
    world.subscriptions.saveApp({
      appId, object: 'page', callbackUrl: doc.callbackUrl, verifyToken: doc.verifyToken ?? ids.verifyToken(),
      fields: [...new Set(doc.fields ?? [])].map((name) => ({ name, version: DEFAULT_GRAPH_VERSION })),
      includeValues: false, active: true,
    })
  }
  return webhookDoc(world, appId)
}

export function webhookDoc(world: World, appId: string): { webhook?: WebhookDoc } {
  const s = world.subscriptions.app(appId)
  if (!s) return {}
  return { webhook: { callbackUrl: s.callbackUrl, verifyToken: s.verifyToken, fields: s.fields.map((f) => f.name) as
    WebhookDoc['fields'] } }
}

/** Subscribes the page to the document's apps (`appRef` resolves an id or a name) and answers its document form. */
export function importSubscribedApps(world: World, pageId: string, docs: SubscribedAppDoc[] | undefined,
  appRef: (ref: string) => string): { subscribedApps?: SubscribedAppDoc[] } {
  for (const d of docs ?? []) {
    world.subscriptions.savePage({ pageId, appId: appRef(d.appId), fields: [...new Set(d.fields)] })
  }
  return subscribedAppsDoc(world, pageId)
}

export function subscribedAppsDoc(world: World, pageId: string): { subscribedApps?: SubscribedAppDoc[] } {
  const subs = world.subscriptions.ofPage(pageId)
  if (subs.length === 0) return {}
  return { subscribedApps: subs.map((s) => ({ appId: s.appId, fields: s.fields as SubscribedAppDoc['fields'] })) }
}
