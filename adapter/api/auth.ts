/**
 * Basic authentication with an API key id and secret (conversations-api.md §1.3): missing or wrong credentials → 401
 * `unauthorized`; a valid key of another app → 403 `forbidden`; unknown app → 404 `app_not_found`. Secrets are
 * compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { createMiddleware } from 'hono/factory'
import type { Store } from '../store/store.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'

const digest = (s: string) => createHash('sha256').update(s).digest()

export function credentialsFrom(header: string | undefined): { keyId: string; secret: string } | undefined {
  const m = header?.match(/^Basic\s+(.+)$/i)
  if (!m) return undefined
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  return { keyId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

export function basicAuth(store: Store) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const creds = credentialsFrom(c.req.header('authorization'))
    const key = creds && store.apps.getKey(creds.keyId)
    if (!creds || !key || !timingSafeEqual(digest(creds.secret), digest(key.secret))) {
      throw apiError('unauthorized')
    }
    const appId = c.req.param('appId')
    if (!appId) throw apiError('notFound')
    if (key.appId !== appId) {
      if (!store.apps.get(appId)) throw apiError('appNotFound')
      throw apiError('forbidden')
    }
    const app = store.apps.get(appId)
    if (!app) throw apiError('appNotFound')
    c.set('app', app)
    await next()
  })
}
