/**
 * The world document's webhook halves (docs §5): an app's `webhook` (its `object: "page"` subscription) and a page's
 * `subscribedApps` (its `subscribed_apps`), read into the world and written back out of it.
 */
import * as z from 'zod'
import type { World } from './world.js'
import { DEFAULT_GRAPH_VERSION } from './subscriptions.js'
import { PAGE_SUBSCRIPTION_FIELDS } from '../facebook/webhook-types.js'

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
      appId, object: 'page', callbackUrl: doc.callbackUrl, verifyToken: doc.verifyToken ?? world.ids.verifyToken(),
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
