/**
 * `/v2/apps/{appId}/integrations`: Messenger and custom integrations, the custom integrations' webhooks
 * (conversations-api.md §10) and, beyond Sunshine, `GET …/integrations/{id}/diagnosis`.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { diagnose } from '../messenger/diagnosis.js'
import { applyMenu } from '../messenger/menu.js'
import { createMessengerIntegration, deleteMessengerIntegration } from '../messenger/integration.js'
import type { IntegrationRow, WebhookRow } from '../store/integrations.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { integrationPost, webhookPost, type WebhookPost } from '../conversations/schemas.js'
import { integrationJson, webhookJson } from '../store/serialize.js'
import { parseValue, readJson } from './validate.js'

/** "Max 10 webhooks per app" (conversations-api.md §10.3). */
const MAX_WEBHOOKS = 10
const TYPES = new Set(['messenger', 'custom'])

export function integrationsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const now = () => new Date(ctx.clock.now()).toISOString()

  const find = (appId: string, id: string): IntegrationRow => {
    const row = store.integrations.get(appId, id)
    if (!row) throw apiError('integrationNotFound')
    return row
  }
  const custom = (appId: string, id: string) => {
    const row = find(appId, id)
    if (row.type !== 'custom') throw apiError('badRequest', 'Webhooks belong to custom integrations only')
    return row
  }
  const newWebhook = (appId: string, integrationId: string, w: WebhookPost): WebhookRow => {
    if (store.integrations.webhooksOfApp(appId).length >= MAX_WEBHOOKS) {
      throw apiError('badRequest', `An app has at most ${MAX_WEBHOOKS} webhooks`)
    }
    return store.integrations.createWebhook({
      id: ctx.ids.record(), appId, integrationId, target: w.target, triggers: w.triggers, secret: ctx.ids.secret(),
      version: w.version ?? 'v2', includeFullUser: w.includeFullUser ?? false, includeFullSource: w.includeFullSource ?? false,
      createdAt: now(),
    })
  }

  r.post('/', async (c) => {
    const raw = await readJson(c) as { type?: unknown }
    if (typeof raw.type !== 'string' || !TYPES.has(raw.type)) throw apiError('invalidIntegrationType')
    const body = parseValue(raw, integrationPost)
    const appId = c.var.app.id
    if (body.type === 'messenger') {
      const row = await createMessengerIntegration(ctx, appId, body)
      // The app's menu applies to every integration without its own (conversations-api.md §16); best effort.
      const appMenu = store.menus.get(`app:${appId}`)
      if (appMenu) await applyMenu(ctx, row, appMenu).catch((err: unknown) => ctx.log.warn(`app menu not applied to ${row.id}: ${String(err)}`))
      return c.json({ integration: integrationJson(row) }, 201)
    }
    const { row, webhooks } = store.tx(() => {
      const row = store.integrations.create({
        id: ctx.ids.record(), appId, type: 'custom', status: 'active', displayName: body.displayName ?? null,
        createdAt: now(), config: {},
      })
      return { row, webhooks: body.webhooks.map((w) => newWebhook(appId, row.id, w)) }
    })
    return c.json({ integration: integrationJson(row, webhooks) }, 201)
  })

  r.get('/', (c) => {
    const types = c.req.query('filter[types]')?.split(',').map((t) => t.trim()).filter(Boolean)
    const rows = store.integrations.list(c.var.app.id).filter((i) => !types?.length || types.includes(i.type))
    return c.json({
      integrations: rows.map((i) => integrationJson(i, store.integrations.webhooksOfIntegration(i.id))),
      meta: { hasMore: false }, links: {},
    })
  })

  r.get('/:integrationId', (c) => {
    const row = find(c.var.app.id, c.req.param('integrationId'))
    return c.json({ integration: integrationJson(row, store.integrations.webhooksOfIntegration(row.id)) })
  })

  r.delete('/:integrationId', async (c) => {
    const row = find(c.var.app.id, c.req.param('integrationId'))
    if (row.type === 'messenger') await deleteMessengerIntegration(ctx, row)
    else store.integrations.delete(row.appId, row.id)
    return c.json({})
  })

  r.get('/:integrationId/diagnosis', async (c) => {
    const row = find(c.var.app.id, c.req.param('integrationId'))
    if (row.type !== 'messenger') throw apiError('badRequest', 'Diagnosis is available for messenger integrations')
    return c.json({ diagnosis: await diagnose(ctx, row) })
  })

  r.get('/:integrationId/webhooks', (c) => {
    const row = custom(c.var.app.id, c.req.param('integrationId'))
    return c.json({ webhooks: store.integrations.webhooksOfIntegration(row.id).map((w) => webhookJson(w)) })
  })
  r.post('/:integrationId/webhooks', async (c) => {
    const row = custom(c.var.app.id, c.req.param('integrationId'))
    const body = parseValue(await readJson(c), webhookPost)
    return c.json({ webhook: webhookJson(newWebhook(row.appId, row.id, body)) }, 201)
  })
  r.get('/:integrationId/webhooks/:webhookId', (c) => {
    const row = custom(c.var.app.id, c.req.param('integrationId'))
    const w = store.integrations.getWebhook(c.req.param('webhookId'))
    if (!w || w.integrationId !== row.id) throw apiError('notFound', 'Webhook not found')
    return c.json({ webhook: webhookJson(w) })
  })
  r.delete('/:integrationId/webhooks/:webhookId', (c) => {
    const row = custom(c.var.app.id, c.req.param('integrationId'))
    if (!store.integrations.deleteWebhook(row.id, c.req.param('webhookId'))) throw apiError('notFound', 'Webhook not found')
    return c.json({})
  })
  return r
}
