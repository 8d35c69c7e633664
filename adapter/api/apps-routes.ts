/** `GET /v2/apps/{appId}` and the app's API keys (conversations-api.md §1.2, §3). */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { keyPost } from '../conversations/schemas.js'
import { parseBody } from './validate.js'

/** "Max 10 app keys" (conversations-api.md §1.2). */
const MAX_KEYS = 10

export function appsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  r.get('/', (c) => {
    const app = c.var.app
    return c.json({ app: { id: app.id, displayName: app.displayName, settings: {}, metadata: {} } })
  })
  r.get('/keys', (c) => c.json({
    keys: ctx.store.apps.listKeys(c.var.app.id).map((k) => ({ id: k.id, displayName: k.displayName ?? undefined })),
  }))
  r.post('/keys', async (c) => {
    const body = await parseBody(c, keyPost)
    if (ctx.store.apps.listKeys(c.var.app.id).length >= MAX_KEYS) throw apiError('badRequest', `An app has at most ${MAX_KEYS} API keys`)
    const key = ctx.store.apps.createKey({
      id: ctx.ids.keyId(), appId: c.var.app.id, secret: ctx.ids.secret(), displayName: body.displayName ?? null,
      createdAt: new Date(ctx.clock.now()).toISOString(),
    })
    return c.json({ key: { id: key.id, displayName: key.displayName ?? undefined, secret: key.secret } }, 201)
  })
  r.get('/keys/:keyId', (c) => {
    const key = ctx.store.apps.getKey(c.req.param('keyId'))
    if (!key || key.appId !== c.var.app.id) throw apiError('notFound', 'API key not found')
    return c.json({ key: { id: key.id, displayName: key.displayName ?? undefined, secret: key.secret } })
  })
  r.delete('/keys/:keyId', (c) => {
    if (!ctx.store.apps.deleteKey(c.var.app.id, c.req.param('keyId'))) throw apiError('notFound', 'API key not found')
    return c.json({})
  })
  return r
}
