/**
 * The control API's webhook part: the delivery log (each delivery with its attempts, headers and body), redelivery,
 * a delivery pass on demand, and what a developer does in the app dashboard's Messenger › Settings › Webhooks
 * section: "Edit Events" and "Select a page to subscribe your webhook to the page events" (the seed guide's
 * "Webhook Events Workaround").
 */
import { readBody } from './body.js'
import { Hono } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import { DELIVERY_STATUSES, type Delivery, type DeliveryStatus } from '../world/outbox.js'
import { deliveryHeaders, type DeliveryWorker } from '../webhooks/delivery.js'
import { PAGE_SUBSCRIPTION_FIELDS, type PageWebhookBody } from '../facebook/webhook-types.js'
import { DEFAULT_GRAPH_VERSION } from '../world/subscriptions.js'
import { ControlError, controlErrorResponse, notFound } from './errors.js'
import type { AppWebhookView, DeliveryView } from './types.js'

const FieldsBody = z.object({ fields: z.array(z.enum(PAGE_SUBSCRIPTION_FIELDS)).min(1) }).strict()
const WebhookPageBody = z.object({ pageId: z.string().min(1), accountId: z.string().min(1) }).strict()


const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function deliveryView(world: World, d: Delivery): DeliveryView {
  const secret = world.apps.get(d.appId)?.secret ?? ''
  return {
    id: d.id, appId: d.appId, pageId: d.pageId, field: d.field, status: d.status,
    callbackUrl: world.subscriptions.app(d.appId)?.callbackUrl ?? null,
    createdAt: iso(d.createdAt)!, nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    deliveredAt: iso(d.deliveredAt), lastError: d.lastError,
    attempts: world.outbox.attempts(d.id).map((a) => ({
      n: a.n, at: iso(a.startedAt)!, durationMs: a.durationMs, httpStatus: a.httpStatus, error: a.error,
      batchId: a.batchId, events: a.events, body: a.body, headers: deliveryHeaders(a.body, secret),
    })),
    headers: deliveryHeaders(d.body, secret),
    body: JSON.parse(d.body) as PageWebhookBody,
  }
}

function appWebhookView(world: World, appId: string): AppWebhookView {
  const s = world.subscriptions.app(appId)
  const pages = world.pages.list().flatMap((p) => {
    const sub = world.subscriptions.page(p.id, appId)
    return sub ? [{ pageId: p.id, fields: sub.fields }] : []
  })
  return {
    appId, callbackUrl: s?.callbackUrl ?? null, active: s?.active ?? false, fields: s?.fields.map((f) => f.name) ?? [],
    subscribedPages: pages,
  }
}

function statusFilter(value: string | undefined): DeliveryStatus | undefined {
  if (value === undefined) return undefined
  if ((DELIVERY_STATUSES as readonly string[]).includes(value)) return value as DeliveryStatus
  throw new ControlError(400, `Unknown delivery status ${value}`, `Use one of: ${DELIVERY_STATUSES.join(', ')}.`)
}

/** The most deliveries listed without a `limit`. */
const UNLIMITED_MAX = 10_000

function limitFilter(value: string): number {
  const limit = Number(value)
  if (Number.isInteger(limit) && limit >= 1) return limit
  throw new ControlError(400, `Invalid limit ${value}`, 'Use a whole number of deliveries, 1 or more (the newest ones).')
}

/** The app must exist and have a webhook (made with POST /{app-id}/subscriptions) for the dashboard to edit it. */
function requireWebhook(world: World, appId: string) {
  if (!world.apps.get(appId)) throw notFound('app', appId)
  const s = world.subscriptions.app(appId)
  if (!s) {
    throw new ControlError(409, `App ${appId} has no webhook`,
      'Create it first with POST /{app-id}/subscriptions (object=page, callback_url, verify_token, fields).')
  }
  return s
}

export function createWebhookControlApp(world: World, delivery: DeliveryWorker): Hono {
  const app = new Hono()
  app.onError(controlErrorResponse)

  app.get('/deliveries', (c) => {
    const { appId, pageId, status, limit } = c.req.query()
    const filter = {
      ...(appId ? { appId } : {}), ...(pageId ? { pageId } : {}), ...(status ? { status: statusFilter(status)! } : {}),
    }
    // Without a limit, one row past the most listed tells there are too many, without reading them all.
    const list = world.outbox.list({ ...filter, limit: limit === undefined ? UNLIMITED_MAX + 1 : limitFilter(limit) })
    if (limit === undefined && list.length > UNLIMITED_MAX) {
      // Each carries its attempts' batch bodies: after a load test the whole log is too big for one JSON answer.
      throw new ControlError(400, `${world.outbox.count(filter)} deliveries match, too many to list at once`,
        `List the newest with ?limit=N (up to ${UNLIMITED_MAX} is fine), or narrow with ?status= and ?appId=.`)
    }
    return c.json({ data: list.map((d) => deliveryView(world, d)) })
  })

  // Delivers what is due now and answers once the receivers have answered (tests call this instead of waiting).
  app.post('/deliveries/run', async (c) => {
    const ids = await delivery.runOnce()
    return c.json({ attempted: ids.flatMap((id) => world.outbox.get(id) ?? []).map((d) => deliveryView(world, d)) })
  })

  app.post('/deliveries/:id/redeliver', (c) => {
    const id = Number(c.req.param('id'))
    if (!Number.isInteger(id) || !world.outbox.requeue(id)) throw notFound('delivery', c.req.param('id'))
    return c.json(deliveryView(world, world.outbox.get(id)!))
  })

  app.get('/apps/:appId/webhook', (c) => {
    const appId = c.req.param('appId')
    if (!world.apps.get(appId)) throw notFound('app', appId)
    return c.json(appWebhookView(world, appId))
  })

  // Webhooks › Edit Events: the developer ticks the fields in the dashboard (no verification request is made).
  app.put('/apps/:appId/webhook/fields', async (c) => {
    const appId = c.req.param('appId')
    const { fields } = await readBody(c, FieldsBody)
    const current = requireWebhook(world, appId)
    world.subscriptions.saveApp({
      ...current, active: true, fields: [...new Set(fields)].map((name) => ({ name, version: DEFAULT_GRAPH_VERSION })),
    })
    return c.json(appWebhookView(world, appId))
  })

  // Webhooks › "Select a page to subscribe your webhook to the page events": only a page admin can pick the page.
  app.post('/apps/:appId/webhook/pages', async (c) => {
    const appId = c.req.param('appId')
    const { pageId, accountId } = await readBody(c, WebhookPageBody)
    const current = requireWebhook(world, appId)
    if (!world.pages.get(pageId)) throw notFound('page', pageId)
    if (!world.accounts.get(accountId)) throw notFound('account', accountId)
    if (!world.pages.isAdmin(pageId, accountId)) {
      throw new ControlError(409, `Account ${accountId} is not an admin of page ${pageId}`,
        'Only page admins can subscribe a page in the dashboard. Otherwise delete the integration and re-create it ' +
        '(DELETE then POST /{app-id}/subscriptions, then POST /{page-id}/subscribed_apps with a page token).')
    }
    if (current.fields.length === 0) {
      throw new ControlError(409, `App ${appId}'s webhook has no events`,
        'Select the events first: PUT /_emulator/apps/{appId}/webhook/fields.')
    }
    world.subscriptions.savePage({ pageId, appId, fields: current.fields.map((f) => f.name) })
    return c.json(appWebhookView(world, appId), 201)
  })

  return app
}
