/**
 * `/v1.1[/apps/{appId}]/webhooks` (docs/conversations-api.md §18; smooch-core 8.11.4 lib/api/webhooks.js): create,
 * list, get, update (PUT), delete. "Webhooks created via the v1 API will be automatically translated into custom
 * integrations in the v2 API" (https://docs.smooch.io/guide/api-introduction/): each is a custom integration of its
 * own, with one webhook of version v1.1, so a v2 business sees it among the integrations. Triggers default to
 * `message`; each webhook gets its own secret, sent in `X-API-Key` with every call.
 */
import { Hono, type Context } from 'hono'
import type { AdapterContext } from '../../runtime/context.js'
import { V11_DEFAULT_TRIGGERS } from '../../conversations/v1-1-triggers.js'
import { webhookPostV11, webhookPutV11 } from '../../conversations/v1-1-schemas.js'
import type { WebhookRow } from '../../store/integrations.js'
import { webhookV11 } from '../../store/serialize-v1-1.js'
import type { ApiEnv } from '../env.js'
import { apiError } from '../errors.js'
import { parseBody } from '../validate.js'
import { newWebhook } from '../webhooks-routes.js'

/** The name the integration of a v1.1 webhook shows in v2. */
const INTEGRATION_NAME = 'Webhook (v1.1 API)'

export function webhooksRoutesV11(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const ofApp = (appId: string) => store.integrations.webhooksOfApp(appId).filter((w) => w.version === 'v1.1')
  const webhookOf = (c: Context<ApiEnv>): WebhookRow => {
    const w = store.integrations.getWebhook(c.req.param('webhookId')!)
    if (!w || w.appId !== c.var.app.id || w.version !== 'v1.1') throw apiError('webhookNotFound')
    return w
  }

  r.get('/', (c) => c.json({ webhooks: ofApp(c.var.app.id).map(webhookV11) }))

  r.post('/', async (c) => {
    const body = await parseBody(c, webhookPostV11)
    const app = c.var.app
    const webhook = store.tx(() => {
      const integration = store.integrations.create({
        id: ctx.ids.record(), appId: app.id, type: 'custom', status: 'active', displayName: INTEGRATION_NAME,
        createdAt: new Date(ctx.clock.now()).toISOString(), config: {},
      })
      return newWebhook(ctx, app.id, integration.id, {
        target: body.target, triggers: body.triggers ?? V11_DEFAULT_TRIGGERS, version: 'v1.1',
        includeFullSource: body.includeClient ?? false, includeFullUser: body.includeFullAppUser ?? false,
      })
    })
    return c.json({ webhook: webhookV11(webhook) }, 201)
  })

  r.get('/:webhookId', (c) => c.json({ webhook: webhookV11(webhookOf(c)) }))

  r.put('/:webhookId', async (c) => {
    const w = webhookOf(c)
    const body = await parseBody(c, webhookPutV11)
    const updated = store.integrations.updateWebhook({
      ...w, target: body.target ?? w.target, triggers: body.triggers ?? w.triggers,
      includeFullSource: body.includeClient ?? w.includeFullSource, includeFullUser: body.includeFullAppUser ?? w.includeFullUser,
    })
    return c.json({ webhook: webhookV11(updated) })
  })

  /** With the integration it was translated into, when that holds nothing else. */
  r.delete('/:webhookId', (c) => {
    const w = webhookOf(c)
    store.tx(() => {
      store.integrations.deleteWebhook(w.integrationId, w.id)
      if (store.integrations.webhooksOfIntegration(w.integrationId).length === 0) store.integrations.delete(w.appId, w.integrationId)
    })
    return c.json({})
  })
  return r
}
