/**
 * The adapter's HTTP surface: the Conversations API under `/v2` and `/v1.1/apps/{appId}` (menus), behind Basic or JWT
 * authentication; the Messenger webhook under `/webhooks/messenger`; uploaded attachments under `/media`. Each sub-app
 * is mounted with `route()` (STYLE §7.3); every API error leaves through one funnel in the Conversations shape.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AdapterContext } from '../runtime/context.js'
import { messengerWebhookRoutes } from '../messenger/webhook-route.js'
import { accountAppsRoutes, appRoutes } from './apps-routes.js'
import { ATTACHMENT_BYTES_MAX, attachmentsRoutes } from './attachments-routes.js'
import { appAccess, authenticate } from './auth.js'
import { conversationsRoutes } from './conversations-routes.js'
import type { ApiEnv } from './env.js'
import { API_ERRORS, apiError, notFoundHandler, onApiError } from './errors.js'
import type { ErrorBody } from '../conversations/types.js'
import { integrationsRoutes } from './integrations-routes.js'
import { mediaRoutes } from './media.js'
import { menuRoutes } from './menu-routes.js'
import { messagesRoutes } from './messages-routes.js'
import { usersRoutes } from './users-routes.js'
import { switchboardActionsRoutes } from './switchboard-actions-routes.js'
import { switchboardsRoutes } from './switchboards-routes.js'
import { webhooksRoutes } from './webhooks-routes.js'
import { contentSecurityPolicy, hostGuard } from '../../lib/http-guard.js'

/** Sunshine's JSON body limit: 100 KB, answered 413 (conversations-api.md §0). */
export const API_BODY_BYTES_MAX = 100 * 1024
/** Facebook batches webhook events; 1 MB leaves room for a large batch and bounds what a stranger can send. */
const WEBHOOK_BODY_BYTES_MAX = 1024 * 1024
const ATTACHMENT_UPLOAD = /^\/v2\/apps\/[^/]+\/attachments\/?$/

/** The adapter serves no page yet: any HTML it answers may run nothing inline. */
const ADAPTER_CSP = contentSecurityPolicy({ scripts: [], styles: [] })

export interface AdapterAppOptions {
  /** Host names answered besides loopback names and IP addresses: `--host`, `--public-url`'s, `--allowed-host`. */
  allowedHosts?: readonly string[]
}

export function createAdapterApp(ctx: AdapterContext, options: AdapterAppOptions = {}): Hono {
  const root = new Hono()
  // First of all: a request for a Host the adapter does not know is refused (DNS rebinding, lib/http-guard.ts).
  root.use('*', hostGuard({
    allowedHosts: options.allowedHosts ?? [], flag: '--allowed-host NAME (or ADAPTER_ALLOWED_HOSTS=NAME)',
    csp: () => ADAPTER_CSP,
    refuse: (c, { message, hint }) => c.json({ errors: [{ code: API_ERRORS.forbidden.code, title: `${message}. ${hint}` }] } satisfies
      ErrorBody, 403),
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

  const v11 = new Hono<ApiEnv>()
  v11.use('*', authenticate(ctx.store))
  v11.use('/apps/:appId/*', appAccess(ctx.store))
  v11.route('/apps/:appId', menuRoutes(ctx))
  v11.onError(onApiError)
  v11.notFound(notFoundHandler)

  root.route('/v2', v2)
  root.route('/v1.1', v11)
  root.onError(onApiError)
  root.notFound(notFoundHandler)
  return root
}
