/**
 * Apps and app keys (conversations-api.md §1.2, §3). Reading an app needs its app key or the account key; creating,
 * listing, updating and deleting apps and managing their keys need the account key (spec `paths/v2@apps*.yaml`:
 * `basicAuth: [account]`).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { newApp } from '../runtime/bootstrap.js'
import { deleteMessengerIntegration } from '../messenger/integration.js'
import { appPatch, appPost, keyPost } from '../conversations/resource-schemas.js'
import { appJson } from '../store/serialize.js'
import type { ApiKeyRow } from '../store/apps.js'
import { accountOnly } from './auth.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { listing, pageRequest, windowOf } from './paging.js'
import { parseBody } from './validate.js'

/** "Max 10 app keys" (conversations-api.md §1.2). */
const MAX_KEYS = 10

const keyJson = (k: ApiKeyRow, withSecret: boolean) =>
  ({ id: k.id, ...(k.displayName ? { displayName: k.displayName } : {}), ...(withSecret ? { secret: k.secret } : {}) })

/** `/v2/apps`: the account's apps. */
export function accountAppsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  // Only these two: a middleware on '*' here would also run for every path under /v2/apps/{appId}.
  r.post('/', accountOnly, async (c) => {
    const body = await parseBody(c, appPost)
    const app = ctx.store.apps.create({
      ...newApp(ctx.ids.record(), body.displayName, new Date(ctx.clock.now()).toISOString()),
      settings: body.settings ?? {}, metadata: body.metadata ?? {},
    })
    return c.json({ app: appJson(app) }, 201)
  })
  r.get('/', accountOnly, (c) => {
    const page = pageRequest(c)
    const window = windowOf(ctx.store.apps.list(), page)
    return c.json({ apps: window.items.map(appJson), ...listing(c, page, window) })
  })
  return r
}

/** `/v2/apps/{appId}` and its keys. */
export function appRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  r.get('/', (c) => c.json({ app: appJson(c.var.app) }))
  r.patch('/', accountOnly, async (c) => {
    const body = await parseBody(c, appPatch)
    // Settings named in the body change, the others stay; metadata is replaced whole.
    const app = store.apps.update({ ...c.var.app, ...body, settings: { ...c.var.app.settings, ...body.settings } })
    return c.json({ app: appJson(app) })
  })
  r.delete('/', accountOnly, async (c) => {
    // "Removes the specified app, including all its enabled integrations": the pages are unsubscribed on Facebook.
    for (const i of store.integrations.list(c.var.app.id)) {
      if (i.type === 'messenger') await deleteMessengerIntegration(ctx, i)
    }
    store.apps.delete(c.var.app.id)
    return c.json({})
  })

  r.use('/keys', accountOnly)
  r.use('/keys/*', accountOnly)
  r.get('/keys', (c) => c.json({ keys: store.apps.listKeys(c.var.app.id).map((k) => keyJson(k, false)) }))
  r.post('/keys', async (c) => {
    const body = await parseBody(c, keyPost)
    if (store.apps.listKeys(c.var.app.id).length >= MAX_KEYS) throw apiError('badRequest', `An app has at most ${MAX_KEYS} API keys`)
    const key = store.apps.createKey({
      id: ctx.ids.keyId(), appId: c.var.app.id, secret: ctx.ids.secret(), displayName: body.displayName,
      createdAt: new Date(ctx.clock.now()).toISOString(),
    })
    return c.json({ key: keyJson(key, true) }, 201)
  })
  r.get('/keys/:keyId', (c) => {
    const key = store.apps.getKey(c.req.param('keyId'))
    if (!key || key.appId !== c.var.app.id) throw apiError('keyNotFound')
    return c.json({ key: keyJson(key, true) })
  })
  r.delete('/keys/:keyId', (c) => {
    if (!store.apps.deleteKey(c.var.app.id, c.req.param('keyId'))) throw apiError('keyNotFound')
    return c.json({})
  })
  return r
}
