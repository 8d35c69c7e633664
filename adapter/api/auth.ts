/**
 * Who is calling, and what they may reach (conversations-api.md §1.2–§1.4):
 * - `authenticate`: Basic (key id and secret, compared in constant time) or a Bearer JWT (jwt.ts). Missing or wrong
 *   credentials → 401 `unauthorized`.
 * - `appAccess`: an app key (and its appUser JWTs) reaches its own app only (another existing app → 403 `forbidden`;
 *   an unknown app → 404 `app_not_found`); an account key reaches every app.
 * - `accountOnly`: apps and app keys are managed with the account scope (spec: `basicAuth: [account]`); an app key
 *   gets 403.
 */
import { createMiddleware } from 'hono/factory'
import type { Store } from '../store/store.js'
import type { ApiEnv, Principal } from './env.js'
import { apiError } from './errors.js'
import { principalFromJwt, type JwtOptions } from './jwt.js'
import { credentialsFrom, principalOfKey } from '../runtime/api-keys.js'

function principalFromBasic(store: Store, header: string | undefined): Principal {
  const creds = credentialsFrom(header)
  const principal = creds && principalOfKey(store, creds.keyId, creds.secret)
  if (!principal) throw apiError('unauthorized')
  return principal
}

export function authenticate(store: Store, options: JwtOptions = {}) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization')
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
    c.set('principal', bearer ? await principalFromJwt(store, bearer, options) : principalFromBasic(store, header))
    await next()
  })
}

export function appAccess(store: Store) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const appId = c.req.param('appId')
    const app = appId ? store.apps.get(appId) : undefined
    const principal = c.var.principal
    if (principal.scope !== 'account' && principal.appId !== appId) throw apiError(app ? 'forbidden' : 'appNotFound')
    if (!app) throw apiError('appNotFound')
    c.set('app', app)
    await next()
  })
}

export const accountOnly = createMiddleware<ApiEnv>(async (c, next) => {
  if (c.var.principal.scope !== 'account') throw apiError('accountScopeRequired')
  await next()
})
