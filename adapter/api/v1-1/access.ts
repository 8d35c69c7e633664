/**
 * Who reaches what on the v1.1 API (docs/conversations-api.md §18, smooch-core 8.11.4 lib/utils/smoochMethod.js):
 * - both path forms: `/v1.1/apps/{appId}/…` (any key that reaches the app, auth.ts `appAccess`) and `/v1.1/…`, where an
 *   app-scoped key or JWT names its app itself (smooch-core leaves `/apps/{appId}` out unless its scope is `account`);
 * - an appUser-scoped JWT reaches its own appUser only: read and update it, list its messages and post as it.
 */
import { createMiddleware } from 'hono/factory'
import type { Store } from '../../store/store.js'
import type { ApiEnv } from '../env.js'
import { apiError } from '../errors.js'

/** For the paths without `/apps/{appId}`. */
export function appOfCredentials(store: Store) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const principal = c.var.principal
    if (principal.scope === 'account') throw apiError('appIdRequired')
    const app = store.apps.get(principal.appId)
    if (!app) throw apiError('appNotFound')
    c.set('app', app)
    await next()
  })
}

const OWN_APP_USER = /\/appusers\/([^/]+)(\/messages)?$/

/** A path segment as written by the caller; a malformed escape names nobody. */
function segment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

export function appUserLimits(store: Store) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const principal = c.var.principal
    if (principal.scope === 'appUser') {
      const m = c.req.path.match(OWN_APP_USER)
      const method = c.req.method
      if (!m || !(m[2] ? method === 'GET' || method === 'POST' : method === 'GET' || method === 'PUT')) throw apiError('appUserScope')
      // The path may name the appUser by `userId` (the JWT's claim) or by its `_id`.
      const named = segment(m[1]!)
      const own = named !== undefined &&
        (named === principal.userId || store.users.get(principal.appId, named)?.externalId === principal.userId)
      if (!own) throw apiError('appUserScope')
    }
    await next()
  })
}
