/**
 * `/v2/apps/{appId}/integrations`: Messenger and custom integrations (conversations-api.md §10) and, beyond Sunshine,
 * `GET …/integrations/{id}/diagnosis`. A custom integration's webhooks are in webhooks-routes.ts.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { diagnose } from '../messenger/diagnosis.js'
import { connectPage } from '../messenger/connect.js'
import { deleteMessengerIntegration, updateMessengerIntegration } from '../messenger/integration.js'
import type { IntegrationRow } from '../store/integrations.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { customIntegrationPatch, integrationPost, messengerIntegrationPatch } from '../conversations/resource-schemas.js'
import { integrationJson } from '../store/serialize.js'
import { listing, pageRequest, windowOf } from './paging.js'
import { parseBody, parseValue, readJson } from './validate.js'
import { integrationOf } from './lookups.js'
import { newWebhook } from './webhooks-routes.js'

const TYPES = new Set(['messenger', 'custom'])

export function integrationsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const now = () => new Date(ctx.clock.now()).toISOString()
  const withWebhooks = (i: IntegrationRow) => integrationJson(i, store.integrations.webhooksOfIntegration(i.id))

  r.post('/', async (c) => {
    const raw = await readJson(c) as { type?: unknown }
    if (typeof raw.type !== 'string' || !TYPES.has(raw.type)) throw apiError('invalidIntegrationType')
    const body = parseValue(raw, integrationPost)
    const appId = c.var.app.id
    if (body.type === 'messenger') {
      const row = await connectPage(ctx, appId, body)
      return c.json({ integration: integrationJson(row) }, 201)
    }
    const { row, webhooks } = store.tx(() => {
      const row = store.integrations.create({
        id: ctx.ids.record(), appId, type: 'custom', status: 'active', displayName: body.displayName ?? null,
        createdAt: now(), config: {},
      })
      return { row, webhooks: body.webhooks.map((w) => newWebhook(ctx, appId, row.id, w)) }
    })
    return c.json({ integration: integrationJson(row, webhooks) }, 201)
  })

  r.get('/', (c) => {
    const types = c.req.query('filter[types]')?.split(',').map((t) => t.trim()).filter(Boolean)
    const rows = store.integrations.list(c.var.app.id).filter((i) => !types?.length || types.includes(i.type))
    const page = pageRequest(c)
    const window = windowOf(rows, page)
    return c.json({ integrations: window.items.map(withWebhooks), ...listing(c, page, window) })
  })

  r.get('/:integrationId', (c) => c.json({ integration: withWebhooks(integrationOf(ctx, c.var.app.id, c.req.param('integrationId'))) }))

  r.patch('/:integrationId', async (c) => {
    const row = integrationOf(ctx, c.var.app.id, c.req.param('integrationId'))
    if (row.type === 'messenger') {
      const updated = await updateMessengerIntegration(ctx, row, await parseBody(c, messengerIntegrationPatch))
      return c.json({ integration: integrationJson(updated) })
    }
    const body = await parseBody(c, customIntegrationPatch)
    const updated = store.integrations.update({ ...row, ...(body.displayName !== undefined ? { displayName: body.displayName } : {}) })
    return c.json({ integration: withWebhooks(updated) })
  })

  r.delete('/:integrationId', async (c) => {
    const row = integrationOf(ctx, c.var.app.id, c.req.param('integrationId'))
    if (row.type === 'messenger') await deleteMessengerIntegration(ctx, row)
    else store.integrations.delete(row.appId, row.id)
    return c.json({})
  })

  r.get('/:integrationId/diagnosis', async (c) => {
    const row = integrationOf(ctx, c.var.app.id, c.req.param('integrationId'))
    if (row.type !== 'messenger') throw apiError('badRequest', 'Diagnosis is available for messenger integrations')
    return c.json({ diagnosis: await diagnose(ctx, row) })
  })
  return r
}
