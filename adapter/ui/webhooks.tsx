/**
 * Webhooks: the app's business webhooks (custom integrations, conversations-api.md §10.3) with their triggers, and
 * the delivery log: each webhook call the adapter owes the business (the outbox, DESIGN principle 5), newest first,
 * with its attempts (when, HTTP status or why unreachable, duration), status, the headers sent (the webhook secret in
 * `X-API-Key`, shown only on request) and the body, and a button that delivers the same event again.
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import { PostButton, Secret } from '../../lib/dashboard-parts.js'
import { flashOf } from '../../lib/forms.js'
import type { WebhookJob } from '../webhooks/dispatcher.js'
import type { WebhookAttempt } from '../store/delivery-log.js'
import type { WebhookRow } from '../store/integrations.js'
import type { OutboxItem } from '../store/outbox.js'
import { act, appPath, type DashboardDeps } from './deps.js'
import { Layout, When, render } from './layout.js'

/** The newest deliveries shown. */
const SHOWN = 100
const STATUS: Record<OutboxItem['status'], { label: string; badge: string }> = {
  pending: { label: 'pending', badge: 'badge warn' }, done: { label: 'delivered', badge: 'badge ok' },
  dead: { label: 'failed', badge: 'badge bad' },
}

/** What a delivery is about: the v2 event types, or the v1.1 trigger. */
function eventsOf(body: unknown): string {
  const b = body as { events?: { type?: string }[]; trigger?: string }
  return b.events?.map((e) => e.type).join(', ') ?? b.trigger ?? '?'
}

const Delivery: FC<{ item: OutboxItem; webhook: WebhookRow; attempts: WebhookAttempt[]; back: string }> =
  ({ item, webhook, attempts, back }) => {
    const job = item.body as WebhookJob
    const status = STATUS[item.status]
    return (
      <details class="card" id={`delivery-${item.seq}`} data-status={status.label}>
        <summary>
          <strong>#{item.seq}</strong> <code>{eventsOf(job.body)}</code> → <code>{webhook.target}</code> ·{' '}
          <span class={status.badge}>{status.label}</span> · {item.attempts} attempt{item.attempts === 1 ? '' : 's'} ·{' '}
          <When at={item.createdAt} />
        </summary>
        <dl class="props">
          <dt>Webhook</dt><dd><code>{webhook.id}</code> ({webhook.version})</dd>
          <dt>Event id</dt><dd><code>{job.eventId}</code></dd>
          {item.status === 'pending' && item.attempts > 0 && <><dt>Next attempt</dt><dd><When at={item.nextAttemptAt} /></dd></>}
          {item.lastError && <><dt>Last error</dt><dd id={`last-error-${item.seq}`}>{item.lastError}</dd></>}
        </dl>
        <h3>Attempts</h3>
        {attempts.length === 0 ? <p class="muted">None yet.</p> : (
          <table id={`attempts-${item.seq}`}>
            <thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">HTTP status</th>
              <th scope="col">Duration</th><th scope="col">Error</th></tr></thead>
            <tbody>{attempts.map((a, i) => (
              <tr><td>{i + 1}</td><td><When at={a.at} /></td><td>{a.httpStatus ?? '–'}</td><td>{a.durationMs} ms</td>
                <td>{a.error ?? ''}</td></tr>
            ))}</tbody>
          </table>
        )}
        <h3>Headers</h3>
        <dl class="props">
          <dt>Content-Type</dt><dd><code>application/json</code></dd>
          <dt>X-API-Key</dt><dd><Secret value={webhook.secret} label="webhook secret" id={`show-key-${item.seq}`} /></dd>
        </dl>
        <h3>Body</h3>
        <pre>{JSON.stringify(job.body, null, 2)}</pre>
        <PostButton action={`${back}/deliveries/${item.seq}/redeliver`} back={back} id={`redeliver-${item.seq}`}>Redeliver</PostButton>
      </details>
    )
  }

export function webhooksRoutes(deps: DashboardDeps): Hono {
  const { ctx } = deps
  const { store } = ctx
  const app = new Hono()

  app.get('/apps/:appId/webhooks', (c) => {
    const appId = c.req.param('appId')
    const back = `${appPath(appId)}/webhooks`
    const webhooks = store.integrations.webhooksOfApp(appId)
    const byId = new Map(webhooks.map((w) => [w.id, w]))
    const items = store.deliveryLog.webhookDeliveries([...byId.keys()], SHOWN)
    const attempts = store.deliveryLog.attemptsOf(items.map((i) => i.seq))
    return render(c, (
      <Layout title="Webhooks" flash={flashOf(c)} appId={appId} active={back}>
        <section class="card" aria-labelledby="webhooks-title">
          <h2 id="webhooks-title">Business webhooks</h2>
          {webhooks.length === 0 ? <p class="muted" id="no-webhooks">None: create a custom integration with webhooks
            (POST /v2/apps/{appId}/integrations, type custom).</p> : (
            <table id="webhooks">
              <thead><tr><th scope="col">Target</th><th scope="col">Triggers</th><th scope="col">Version</th>
                <th scope="col">Integration</th></tr></thead>
              <tbody>{webhooks.map((w) => (
                <tr id={`webhook-${w.id}`}><td><code>{w.target}</code></td>
                  <td>{w.triggers.map((t) => <span class="badge">{t}</span>)}</td><td>{w.version}</td>
                  <td><code>{w.integrationId}</code></td></tr>
              ))}</tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="log-title" id="delivery-log" data-live>
          <h2 id="log-title">Delivery log (the newest {SHOWN})</h2>
          {items.length === 0 ? <p class="muted" id="no-deliveries">No delivery yet.</p>
            : items.map((item) => <Delivery item={item} webhook={byId.get((item.body as WebhookJob).webhookId)!}
              attempts={attempts.get(item.seq) ?? []} back={back} />)}
        </section>
      </Layout>
    ))
  })

  // The same event (same event id, so the business can tell) goes out again as a new delivery, after those pending.
  app.post('/apps/:appId/webhooks/deliveries/:seq/redeliver', (c) => {
    const appId = c.req.param('appId')
    const back = `${appPath(appId)}/webhooks`
    const item = store.deliveryLog.item(Number(c.req.param('seq')))
    const webhook = item?.kind === 'webhook' ? store.integrations.getWebhook((item.body as WebhookJob).webhookId) : undefined
    if (!item || webhook?.appId !== appId) return c.notFound()
    return act(c, back, async () => {
      store.outbox.enqueue('webhook', item.partitionKey, item.body, ctx.clock.now())
      return { notice: `Delivery #${item.seq} queued again` }
    })
  })
  return app
}
