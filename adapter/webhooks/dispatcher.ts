/**
 * Fans a conversation event out to the app's business webhooks: each webhook whose triggers match gets the event in
 * its version's shape, written to the outbox in the caller's transaction (so an event exists exactly when the change
 * that caused it is committed). Partition = webhook + conversation: order is kept per conversation. The app's
 * switchboard decides which webhooks an event reaches (routing.ts).
 */
import type { AdapterContext } from '../runtime/context.js'
import type { WebhookRow } from '../store/integrations.js'
import type { ConversationEvent, EventContext } from './events.js'
import { v11Body, v11Trigger } from './v1-1.js'
import { v2Envelope } from './v2.js'
import { routingFor } from './routing.js'

export interface WebhookJob {
  webhookId: string
  /** The event id (v2 `events[0].id`), stable across retries, for the business's idempotency. */
  eventId: string
  body: unknown
}

/** `*` subscribes to everything (Sunshine accepts it for v1.1 webhooks; harmless for v2). */
export function subscribes(webhook: WebhookRow, e: ConversationEvent): boolean {
  if (webhook.version === 'v1.1') return v11Trigger(webhook, e) !== undefined
  return webhook.triggers.includes(e.type) || webhook.triggers.includes('*')
}

/** Call inside `store.tx`: the webhook worker wakes once the outbox has the rows (store/outbox.ts `onEnqueue`). */
export function emit(ctx: AdapterContext, ec: EventContext, e: ConversationEvent): void {
  const now = ctx.clock.now()
  const routing = routingFor(ctx, ec, e)
  for (const webhook of ctx.store.integrations.webhooksOfApp(ec.app.id)) {
    if (!subscribes(webhook, e) || !routing.reaches(webhook)) continue
    const eventId = ctx.ids.record()
    const body = webhook.version === 'v1.1'
      ? v11Body(e, ec, webhook, ctx.ids, now)
      : v2Envelope(e, ec, webhook, eventId, new Date(now).toISOString(), routing.lookup)
    const job: WebhookJob = { webhookId: webhook.id, eventId, body }
    ctx.store.outbox.enqueue('webhook', `${webhook.id}:${ec.conversation.id}`, job, now)
  }
}
