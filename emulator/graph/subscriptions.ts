/**
 * `/{app-id}/subscriptions` (docs §5.1): an app's webhook for `object: "page"`, with an app access token. POST
 * verifies the callback URL first (docs §4.1) and saves nothing when it does not verify; a re-POST replaces the
 * subscription. The webhook-fields bug of the seed guide ("Webhook Events Workaround") is honoured here: with the
 * app's `webhookFieldsBug` switch on, an app that has never had a webhook with fields gets `{success: true}` but a
 * subscription without fields.
 * Source: https://developers.facebook.com/docs/graph-api/reference/app/subscriptions/
 */
import type { World } from '../world/world.js'
import type { App } from '../world/apps.js'
import { DEFAULT_GRAPH_VERSION } from '../world/subscriptions.js'
import { graphError } from '../facebook/errors.js'
import { requireKind } from '../login/access.js'
import { route, type GraphRequest, type GraphRoute } from './router.js'
import type { Params } from './params.js'
import { PAGE_SUBSCRIPTION_FIELDS } from '../facebook/webhook-types.js'
import { verifyCallback } from '../webhooks/verification.js'
import { webhookFaults } from '../messenger/faults.js'

const KNOWN_FIELDS: readonly string[] = PAGE_SUBSCRIPTION_FIELDS

/** A field list (`fields`, `subscribed_fields`) as a comma string or JSON array, each a known page field. */
export function subscriptionFields(params: Params, name: 'fields' | 'subscribed_fields'): string[] | undefined {
  const list = params.list(name)
  if (list === undefined) return undefined
  list.forEach((field, i) => {
    if (!KNOWN_FIELDS.includes(field)) throw graphError('paramOneOf', `${name}[${i}]`, KNOWN_FIELDS.join(', '), field)
  })
  return [...new Set(list)]
}

/** The seed's bug hits only apps "which do not yet have a webhook configured" (with fields, at any time before). */
export function webhookFieldsBugApplies(world: World, appId: string): boolean {
  return webhookFaults(world, appId).fieldsBug && !world.subscriptions.isConfigured(appId)
}

type AppRequest = GraphRequest<{ kind: 'app'; id: string; app: App }>

function ownApp({ access, node }: AppRequest): App {
  requireKind(access, 'app')
  if (access.app.id !== node.id) throw graphError('permissionsError')
  return node.app
}

/** The emulator models the `page` object only (the one Messenger uses). */
function pageObject(params: Params, required: boolean): void {
  const object = required ? params.required('object') : params.string('object')
  if (object !== undefined && object !== 'page') throw graphError('paramOneOf', 'object', 'page', object)
}

function callbackUrl(params: Params): string {
  const raw = params.required('callback_url')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw graphError('paramInvalid', 'Param callback_url must be a valid URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw graphError('paramInvalid', 'Param callback_url must be a valid URL')
  }
  return raw
}

async function subscribe(req: AppRequest): Promise<{ success: true }> {
  const { world, params } = req
  const app = ownApp(req)
  pageObject(params, true)
  const url = callbackUrl(params)
  const verifyToken = params.required('verify_token')
  const fields = subscriptionFields(params, 'fields')
  if (fields === undefined) throw graphError('paramRequired', 'fields')
  const includeValues = ['true', '1'].includes(params.string('include_values') ?? '')
  await verifyCallback(url, verifyToken, req.runtime.delivery.settings.timeoutMs)
  const version = req.version ?? DEFAULT_GRAPH_VERSION
  const recorded = webhookFieldsBugApplies(world, app.id) ? [] : fields.map((name) => ({ name, version }))
  world.subscriptions.saveApp({
    appId: app.id, object: 'page', callbackUrl: url, verifyToken, fields: recorded, includeValues, active: true,
  })
  return { success: true }
}

function unsubscribe(req: AppRequest): { success: true } {
  const { world, params } = req
  const app = ownApp(req)
  pageObject(params, false)
  const fields = subscriptionFields(params, 'fields')
  world.tx(() => {
    const current = world.subscriptions.app(app.id)
    if (!current) return
    const remaining = fields ? current.fields.filter((f) => !fields.includes(f.name)) : []
    if (remaining.length === 0) world.subscriptions.deleteApp(app.id)
    else world.subscriptions.saveApp({ ...current, fields: remaining })
  })
  return { success: true }
}

export const subscriptionRoutes: GraphRoute[] = [
  route({ node: 'app', method: 'POST', edge: 'subscriptions', handle: subscribe }),
  route({
    node: 'app', method: 'GET', edge: 'subscriptions',
    handle: (req) => {
      const s = req.world.subscriptions.app(ownApp(req).id)
      return {
        data: s ? [{ object: s.object, callback_url: s.callbackUrl, active: s.active, fields: s.fields }] : [],
      }
    },
  }),
  route({ node: 'app', method: 'DELETE', edge: 'subscriptions', handle: unsubscribe }),
]
