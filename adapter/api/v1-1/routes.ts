/**
 * The v1.1 API as smooch-core 8.11.4 and Smooch's other v1.1 clients call it (docs/conversations-api.md §16, §18):
 * Basic or a JWT (`scope` app, account, or appUser for one end user), on both path forms, `/v1.1/apps/{appId}/…` and,
 * for app-scoped credentials, `/v1.1/…`; menus, appUsers and their messages, webhooks. Errors leave in v1.1's envelope
 * (errors.ts; an unknown path is answered by the root's not-found handler, app.ts, in the same envelope).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../../runtime/context.js'
import { appAccess, authenticate } from '../auth.js'
import type { ApiEnv } from '../env.js'
import { menuRoutes } from '../menu-routes.js'
import { appOfCredentials, appUserLimits } from './access.js'
import { appUsersRoutes } from './app-users-routes.js'
import { onV11Error } from './errors.js'
import { webhooksRoutesV11 } from './webhooks-routes.js'

/** The paths of the short form, where the credentials name the app. */
const SHORT_FORM = ['/menu', '/integrations/*', '/appusers', '/appusers/*', '/webhooks', '/webhooks/*']

function appResources(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  r.route('/', menuRoutes(ctx))
  r.route('/appusers', appUsersRoutes(ctx))
  r.route('/webhooks', webhooksRoutesV11(ctx))
  return r
}

export function v11Routes(ctx: AdapterContext): Hono<ApiEnv> {
  const v11 = new Hono<ApiEnv>()
  v11.use('*', authenticate(ctx.store, { appUser: true }))
  v11.use('/apps/:appId/*', appAccess(ctx.store))
  for (const path of SHORT_FORM) v11.use(path, appOfCredentials(ctx.store))
  v11.use('*', appUserLimits(ctx.store))
  v11.route('/apps/:appId', appResources(ctx))
  v11.route('/', appResources(ctx))
  v11.onError(onV11Error)
  return v11
}
