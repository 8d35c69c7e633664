/**
 * Delivers one business webhook from the outbox: POST JSON to the target with the webhook secret in `X-API-Key`
 * (conversations-api.md §11.2). 2xx → done. 400/401/403/404/406 are not retried, as Sunshine does (§11.3); anything
 * else (down, timeout, 5xx, 429, a redirect: not followed) is retried with backoff until the business is back
 * (DESIGN principle 5). Each attempt is logged for the dashboard (store/delivery-log.ts).
 */
import type { AdapterContext } from '../runtime/context.js'
import type { OutboxItem } from '../store/outbox.js'
import type { Outcome } from '../runtime/outbox-worker.js'
import type { WebhookJob } from './dispatcher.js'
import { httpPost } from '../../lib/http-post.js'

const NOT_RETRIED = new Set([400, 401, 403, 404, 406])
/** Sunshine waits 20 s for an answer (conversations-api.md §11.3). */
const TIMEOUT_MS = 20_000

export function webhookDelivery(ctx: AdapterContext) {
  return async (item: OutboxItem): Promise<Outcome> => {
    const job = item.body as WebhookJob
    const webhook = ctx.store.integrations.getWebhook(job.webhookId)
    if (!webhook) return { ok: false, retry: false, error: 'webhook deleted' }
    const startedAt = ctx.clock.now()
    const log = (httpStatus: number | null, error: string | null) => ctx.store.deliveryLog.addAttempt(item.seq,
      { at: startedAt, httpStatus, error, durationMs: Math.max(0, ctx.clock.now() - startedAt) })
    let status: number
    try {
      status = await httpPost(webhook.target, {
        headers: { 'content-type': 'application/json', 'x-api-key': webhook.secret, 'user-agent': 'messenger-adapter' },
        body: JSON.stringify(job.body),
        timeoutMs: TIMEOUT_MS,
      })
    } catch (err) {
      // e.g. "unreachable: connect ECONNREFUSED 127.0.0.1:9", "unreachable: Timed out after 20000 ms"
      const error = `unreachable: ${err instanceof Error ? err.message : String(err)}`
      log(null, error)
      return { ok: false, retry: true, error }
    }
    const ok = status >= 200 && status < 300
    log(status, ok ? null : `HTTP ${status}`)
    if (ok) return { ok: true }
    return { ok: false, retry: !NOT_RETRIED.has(status), error: `HTTP ${status}` }
  }
}
