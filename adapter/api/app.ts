/**
 * The adapter's HTTP surface: the Conversations API under `/v2` and `/v1.1` (v1-1/routes.ts), behind Basic or JWT
 * authentication; the Messenger webhook under `/webhooks/messenger`; uploaded attachments under `/media`; the
 * dashboard under `/dashboard` (adapter/ui). Each sub-app
 * is mounted with `route()` (STYLE §7.3); every API error leaves through one funnel in the Conversations shape.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AdapterContext } from '../runtime/context.js'
import { messengerWebhookRoutes } from '../messenger/webhook-route.js'
import { accountAppsRoutes, appRoutes } from './apps-routes.js'
import { ATTACHMENT_BYTES_MAX, attachmentsRoutes } from './attachments-routes.js'
import { appAccess, authenticate } from './auth.js'
import { conversationsRoutes } from './conversations-routes.js'
import type { ApiEnv } from './env.js'
import { apiError, notFoundHandler, onApiError } from './errors.js'
import { integrationsRoutes } from './integrations-routes.js'
import { mediaRoutes } from './media.js'
import { messagesRoutes } from './messages-routes.js'
import { onV11Error, v11NotFound } from './v1-1/errors.js'
import { v11Routes } from './v1-1/routes.js'
import { usersRoutes } from './users-routes.js'
import { switchboardActionsRoutes } from './switchboard-actions-routes.js'
import { switchboardsRoutes } from './switchboards-routes.js'
import { webhooksRoutes } from './webhooks-routes.js'
import { contentSecurityPolicy, hostGuard } from '../../lib/http-guard.js'
import { ADAPTER_DASHBOARD_CSS, LIVE_SCRIPT, createDashboardApp } from '../ui/index.js'
import type { FacebookApp } from '../messenger/facebook-login.js'

/** Sunshine's JSON body limit: 100 KB, answered 413 (conversations-api.md §0). */
export const API_BODY_BYTES_MAX = 100 * 1024
/** Facebook batches webhook events; 1 MB leaves room for a large batch and bounds what a stranger can send. */
const WEBHOOK_BODY_BYTES_MAX = 1024 * 1024
const ATTACHMENT_UPLOAD = /^\/v2\/apps\/[^/]+\/attachments\/?$/

/** The only inline script and style of any page the adapter serves are the dashboard's (adapter/ui). */
const ADAPTER_CSP = contentSecurityPolicy({ scripts: [LIVE_SCRIPT], styles: [ADAPTER_DASHBOARD_CSS] })

export interface AdapterAppOptions {
  /** Host names answered besides loopback names and IP addresses: `--host`, `--public-url`'s, `--allowed-host`. */
  allowedHosts?: readonly string[]
  /** The platform's own Facebook app, with which the dashboard runs Facebook Login (`--facebook-app-id`). */
  facebookApp?: FacebookApp | undefined
}

/** The v1.1 API answers its own envelope (v1-1/errors.ts), also for what the root refuses before its routes run. */
const isV11 = (c: Context) => c.req.path.startsWith('/v1.1/')
const errorFunnel = (c: Context) => (isV11(c) ? onV11Error : onApiError)

export function createAdapterApp(ctx: AdapterContext, options: AdapterAppOptions = {}): Hono {
  const root = new Hono()
  // First of all: a request for a Host the adapter does not know is refused (DNS rebinding, lib/http-guard.ts).
  root.use('*', hostGuard({
    allowedHosts: options.allowedHosts ?? [], flag: '--allowed-host NAME (or ADAPTER_ALLOWED_HOSTS=NAME)',
    csp: () => ADAPTER_CSP,
    refuse: (c, { message, hint }) => errorFunnel(c)(apiError('forbidden', `${message}. ${hint}`), c),
  }))
  // Bodies over the limit are refused before they are read (by Content-Length, or as a chunked body streams in).
  const apiLimit = bodyLimit({ maxSize: API_BODY_BYTES_MAX, onError: () => { throw apiError('payloadTooLarge') } })
  const uploadLimit = bodyLimit({ maxSize: ATTACHMENT_BYTES_MAX, onError: () => { throw apiError('fileTooLarge') } })
  const webhookLimit = bodyLimit({ maxSize: WEBHOOK_BODY_BYTES_MAX, onError: (c) => c.text('Payload Too Large', 413) })
  const limitFor = (path: string): MiddlewareHandler =>
    path.startsWith('/webhooks/') ? webhookLimit : ATTACHMENT_UPLOAD.test(path) ? uploadLimit : apiLimit
  root.use('*', (c, next) => limitFor(c.req.path)(c, next))
  root.get('/health', (c) => c.json({ status: 'ok' }))
  root.route('/webhooks/messenger', messengerWebhookRoutes(ctx))
  root.route('/media', mediaRoutes(ctx))
  root.route('/dashboard', createDashboardApp(ctx, options.facebookApp))

  const v2 = new Hono<ApiEnv>()
  v2.use('*', authenticate(ctx.store))
  v2.use('/apps/:appId/*', appAccess(ctx.store))
  v2.use('/apps/:appId', appAccess(ctx.store))
  v2.route('/apps', accountAppsRoutes(ctx))
  v2.route('/apps/:appId', appRoutes(ctx))
  v2.route('/apps/:appId/users', usersRoutes(ctx))
  v2.route('/apps/:appId/conversations', conversationsRoutes(ctx))
  v2.route('/apps/:appId/conversations', messagesRoutes(ctx))
  v2.route('/apps/:appId/conversations', switchboardActionsRoutes(ctx))
  v2.route('/apps/:appId/switchboards', switchboardsRoutes(ctx))
  v2.route('/apps/:appId/integrations', integrationsRoutes(ctx))
  v2.route('/apps/:appId/integrations/:integrationId/webhooks', webhooksRoutes(ctx))
  v2.route('/apps/:appId/attachments', attachmentsRoutes(ctx))
  v2.onError(onApiError)
  v2.notFound(notFoundHandler)

  root.route('/v2', v2)
  root.route('/v1.1', v11Routes(ctx))
  // What the root's own middleware throws (a body over the limit) is answered in the envelope of the API asked.
  root.onError((err, c) => errorFunnel(c)(err, c))
  root.notFound((c) => (isV11(c) ? v11NotFound : notFoundHandler)(c))
  return root
}
