/**
 * `/{page-id}/subscribed_apps` (docs §5.2): the page subscribes the calling app to its events, with a page access
 * token of that page and `pages_manage_metadata` (plus `pages_messaging` for messaging fields). Under the seed's
 * webhook-fields bug the call answers success but the page is not subscribed (see subscriptions.ts).
 * Source: https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/
 */
import type { Page } from '../world/pages.js'
import { graphError } from '../facebook/errors.js'
import { requireScope } from '../login/access.js'
import { route, type GraphRequest, type GraphRoute } from './router.js'
import { isMessagingField } from '../facebook/webhook-types.js'
import { subscriptionFields, webhookFieldsBugApplies } from './subscriptions.js'

type PageRequest = GraphRequest<{ kind: 'page'; id: string; page: Page }>

function ownPage({ access, node }: PageRequest): Page {
  if (access.kind !== 'page' || access.pageId !== node.id) throw graphError('pageTokenRequired')
  return node.page
}

/** Messaging fields need pages_messaging; Graph names each refused field (jgorset/facebook-messenger#280). */
function checkFieldPermissions(req: PageRequest, fields: string[]): void {
  if (req.access.scopes.includes('pages_messaging')) return
  const refused = fields.filter(isMessagingField)
  if (refused.length === 0) return
  throw graphError('fieldPermissionNeeded', refused
    .map((f) => `To subscribe to the ${f} field, one of these permissions is needed: pages_messaging.`).join('\n'))
}

function subscribe(req: PageRequest): { success: true } {
  const { world, access } = req
  const page = ownPage(req)
  requireScope(access, 'pages_manage_metadata')
  const fields = subscriptionFields(req.params, 'subscribed_fields')
  if (fields === undefined || fields.length === 0) throw graphError('subscribedFieldsRequired')
  checkFieldPermissions(req, fields)
  if (!webhookFieldsBugApplies(world, access.app.id)) {
    world.subscriptions.savePage({ pageId: page.id, appId: access.app.id, fields })
  }
  return { success: true }
}

export const subscribedAppsRoutes: GraphRoute[] = [
  route({ node: 'page', method: 'POST', edge: 'subscribed_apps', handle: subscribe }),
  route({
    node: 'page', method: 'GET', edge: 'subscribed_apps',
    handle: (req) => {
      const { world } = req
      const page = ownPage(req)
      // Graph also answers each app's category and link; the emulator's apps have neither.
      return {
        data: world.subscriptions.ofPage(page.id).map((s) => ({
          name: world.apps.get(s.appId)?.name, id: s.appId, subscribed_fields: s.fields,
        })),
      }
    },
  }),
  route({
    node: 'page', method: 'DELETE', edge: 'subscribed_apps',
    handle: (req) => {
      const page = ownPage(req)
      requireScope(req.access, 'pages_manage_metadata')
      req.world.subscriptions.deletePage(page.id, req.access.app.id)
      return { success: true }
    },
  }),
]
