/**
 * The adapter's Messenger webhook, `/webhooks/messenger/{integrationId}` (messenger-platform.md §4):
 * - GET answers Facebook's verification (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`) with the challenge;
 * - POST checks `X-Hub-Signature-256` against the Facebook app secret (403 and nothing stored when it is missing or
 *   wrong), then turns the events into conversation events and answers 200. A signed body that is malformed, in
 *   whole or in part, is answered 200 too: redelivered, it would fail again for hours (§4.2). What could not be read
 *   is recorded as rejected with the reason, for the integration's diagnosis (diagnosis.ts), and the rest is
 *   processed. Processing errors (the database) answer 500 so Facebook redelivers; redeliveries are de-duplicated.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import { handleMessengerWebhook } from './inbound.js'
import { sameSecret, validSignature } from '../facebook/signature.js'
import { readWebhookEvents } from './webhook-envelope.js'
import { logQuote } from '../../lib/quote.js'

export function messengerWebhookRoutes(ctx: AdapterContext): Hono {
  const app = new Hono()

  const integration = (id: string): MessengerIntegrationRow | undefined => {
    const row = ctx.store.integrations.getById(id)
    return row?.type === 'messenger' ? row : undefined
  }

  app.get('/:integrationId', (c) => {
    const id = c.req.param('integrationId')
    const expected = integration(id)?.config.verifyToken ?? ctx.pendingVerifications.get(id)
    const mode = c.req.query('hub.mode')
    const token = c.req.query('hub.verify_token')
    const challenge = c.req.query('hub.challenge')
    if (!expected || mode !== 'subscribe' || !sameSecret(token, expected) || challenge === undefined) {
      return c.text('Verification failed', 403)
    }
    return c.text(challenge, 200)
  })

  app.post('/:integrationId', async (c) => {
    const row = integration(c.req.param('integrationId'))
    if (!row) return c.text('Unknown integration', 404)
    const raw = new Uint8Array(await c.req.arrayBuffer())
    if (!validSignature(raw, c.req.header('x-hub-signature-256'), row.config.fbAppSecret)) {
      ctx.log.warn(`rejected a Messenger webhook for integration ${row.id}: missing or wrong X-Hub-Signature-256`)
      return c.text('Invalid signature', 403)
    }
    const read = readWebhookEvents(Buffer.from(raw).toString('utf8'))
    try {
      // Only Messenger's `page` events are the adapter's; an app subscribed to other objects may send them here too.
      if (read.object === 'page') await handleMessengerWebhook(ctx, row, read.entries)
      // Recorded once the rest is processed: a body that answers 500 comes back, and would be recorded twice.
      for (const { reason, excerpt } of read.rejected) {
        ctx.store.rejectedEvents.record({ integrationId: row.id, receivedAt: ctx.clock.now(), reason, excerpt })
        ctx.log.warn(`rejected a malformed Messenger event for integration ${row.id}: ${logQuote(reason, 160)}`)
      }
    } catch (err) {
      ctx.log.error('processing a Messenger webhook failed; Facebook will redeliver', err)
      return c.text('Processing failed', 500)
    }
    return c.text('EVENT_RECEIVED', 200)
  })

  return app
}
