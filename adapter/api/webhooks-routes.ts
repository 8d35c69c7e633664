/**
 * `/v2/apps/{appId}/integrations/{integrationId}/webhooks`: the business webhooks of a custom integration (create,
 * list, read, update, delete; conversations-api.md §10.3), at most 10 per app. Each gets its own secret, sent in
 * `X-API-Key` with every call (§11.2).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { webhookPatch, webhookPost, type WebhookPost } from '../conversations/resource-schemas.js'
import type { WebhookRow } from '../store/integrations.js'
import { webhookJson } from '../store/serialize.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { integrationOf } from './lookups.js'
import { parseBody } from './validate.js'

/** "Max 10 webhooks per app" (conversations-api.md §10.3). */
const MAX_WEBHOOKS = 10

export function newWebhook(ctx: AdapterContext, appId: string, integrationId: string, w: WebhookPost): WebhookRow {
  if (ctx.store.integrations.webhooksOfApp(appId).length >= MAX_WEBHOOKS) {
    throw apiError('badRequest', `An app has at most ${MAX_WEBHOOKS} webhooks`)
  }
  return ctx.store.integrations.createWebhook({
    id: ctx.ids.record(), appId, integrationId, target: w.target, triggers: w.triggers, secret: ctx.ids.secret(),
    version: w.version ?? 'v2', includeFullUser: w.includeFullUser ?? false,
    // A v1.1 body asked for through v2 carries the client, as the seed's v1.1 examples do (v1.1's `includeClient`).
    includeFullSource: w.includeFullSource ?? w.version === 'v1.1',
    createdAt: new Date(ctx.clock.now()).toISOString(),
  })
}

export function webhooksRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const custom = (appId: string, id: string) => {
    const row = integrationOf(ctx, appId, id)
    if (row.type !== 'custom') throw apiError('badRequest', 'Webhooks belong to custom integrations only')
    return row
  }
  const webhookOf = (appId: string, integrationId: string, webhookId: string): WebhookRow => {
    const row = custom(appId, integrationId)
    const w = store.integrations.getWebhook(webhookId)
    if (!w || w.integrationId !== row.id) throw apiError('webhookNotFound')
    return w
  }

  r.get('/', (c) => {
    const row = custom(c.var.app.id, c.req.param('integrationId')!)
    return c.json({ webhooks: store.integrations.webhooksOfIntegration(row.id).map((w) => webhookJson(w)) })
  })
  r.post('/', async (c) => {
    const row = custom(c.var.app.id, c.req.param('integrationId')!)
    const body = await parseBody(c, webhookPost)
    return c.json({ webhook: webhookJson(newWebhook(ctx, row.appId, row.id, body)) }, 201)
  })
  r.get('/:webhookId', (c) =>
    c.json({ webhook: webhookJson(webhookOf(c.var.app.id, c.req.param('integrationId')!, c.req.param('webhookId'))) }))
  r.patch('/:webhookId', async (c) => {
    const w = webhookOf(c.var.app.id, c.req.param('integrationId')!, c.req.param('webhookId'))
    const body = await parseBody(c, webhookPatch)
    return c.json({ webhook: webhookJson(store.integrations.updateWebhook({ ...w, ...body })) })
  })
  r.delete('/:webhookId', (c) => {
    const w = webhookOf(c.var.app.id, c.req.param('integrationId')!, c.req.param('webhookId'))
    store.integrations.deleteWebhook(w.integrationId, w.id)
    return c.json({})
  })
  return r
}
