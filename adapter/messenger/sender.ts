/**
 * Sends stored business messages and activities to Messenger from the outbox, then reports the outcome as delivery
 * events: `conversation:message:delivery:channel` with the Messenger message ids in `externalMessages`, or
 * `conversation:message:delivery:failure` with Sunshine's code and Facebook's error (seed, Delivery Events and
 * Troubleshooting). Transient Graph errors and an unreachable Graph are retried; the rest fail at once.
 */
import type { AdapterContext } from '../runtime/context.js'
import type { OutboxItem } from '../store/outbox.js'
import type { Outcome } from '../runtime/outbox-worker.js'
import { emit } from '../webhooks/dispatcher.js'
import type { DeliveryError, EventContext } from '../webhooks/events.js'
import { facebook, underEuPrivacyRules } from './facebook.js'
import { GraphApiError, GraphUnreachableError } from '../facebook/graph-client.js'
import {
  PERMISSION_ERROR_CODES, PERSON_UNAVAILABLE_CODE, THROTTLING_ERROR_CODES, TOKEN_ERROR_CODES,
} from '../facebook/graph-errors.js'
import { messengerOmissions, senderAction, toSendRequests, type SenderAction } from './outbound.js'
import { isUnknownPersona, personaFor, type PersonaAuthor } from './persona.js'

export type SendJob =
  | { type: 'message'; appId: string; conversationId: string; integrationId: string; clientId: string; messageId: string }
  | { type: 'activity'; appId: string; conversationId: string; integrationId: string; clientId: string; action: SenderAction
    /** The business author, shown as a persona (persona.ts). */
    author?: PersonaAuthor }

/**
 * Queues a Send API job; call inside the transaction that stores what it sends. One partition per conversation: its
 * messages and activities leave in order.
 */
export function queueSend(ctx: AdapterContext, job: SendJob): void {
  ctx.store.outbox.enqueue('send', `conversation:${job.conversationId}`, job, ctx.clock.now())
}

/** Graph code → Sunshine error code (password change and other invalid tokens → "unauthorized", per the seed). */
export function deliveryError(err: unknown): DeliveryError {
  if (err instanceof GraphApiError) {
    const c = err.code
    const code = TOKEN_ERROR_CODES.includes(c) ? 'unauthorized'
      : THROTTLING_ERROR_CODES.includes(c) ? 'too_many_requests'
        : PERMISSION_ERROR_CODES.includes(c) || c === PERSON_UNAVAILABLE_CODE ? 'forbidden'
          : c === 100 ? 'bad_request' : 'uncategorized_error'
    return {
      code, message: err.message,
      underlyingError: {
        message: err.message, code: err.code, ...(err.subcode !== undefined ? { subcode: err.subcode } : {}),
        ...(err.type ? { type: err.type } : {}), ...(err.fbtraceId ? { fbtrace_id: err.fbtraceId } : {}),
      },
    }
  }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'uncategorized_error', message, underlyingError: { message } }
}

export function messengerSender(ctx: AdapterContext) {
  const { store } = ctx
  const failures = new Map<number, unknown>()

  function eventContext(job: SendJob): EventContext | undefined {
    const app = store.apps.get(job.appId)
    const conversation = store.conversations.get(job.appId, job.conversationId)
    const user = conversation && store.users.get(job.appId, conversation.userId)
    if (!app || !conversation || !user) return undefined
    const client = store.users.clientsOfUser(user.id).find((c) => c.id === job.clientId)
    return { app, conversation, user, ...(client ? { client } : {}), integrationId: job.integrationId }
  }

  async function handle(item: OutboxItem): Promise<Outcome> {
    const job = item.body as SendJob
    failures.delete(item.seq)
    const ec = eventContext(job)
    // A client whose integration was deleted and re-created (seed, Troubleshooting: "The integration must be
    // recreated") is served by the page's new integration: PSIDs are page-scoped, so the person is the same.
    const integration = store.integrations.get(job.appId, job.integrationId) ?? (ec?.client
      ? store.integrations.listMessenger().find((i) => i.appId === job.appId && i.config.pageId === ec.client!.scope)
      : undefined)
    if (!integration || integration.type !== 'messenger' || !ec?.client) {
      failures.set(item.seq, new Error('The Messenger integration or the user\'s client no longer exists'))
      return { ok: false, retry: false, error: 'integration or client gone' }
    }
    const fb = facebook(ctx.graph, integration.config)
    const psid = ec.client.externalId
    let personaId: string | undefined
    try {
      if (job.type === 'activity') {
        ;({ personaId } = await personaFor(ctx, integration, job.author))
        await fb.send({ ...senderAction(psid, job.action), ...(personaId ? { persona_id: personaId } : {}) })
        return { ok: true }
      }
      const message = store.messages.get(job.messageId)
      // Deleted before it was sent: nothing to send, and no event about a message the business no longer has.
      if (!message) return { ok: true }
      const input = { content: message.content, ...(message.override ? { override: message.override } : {}) }
      const persona = message.author.type === 'business' ? await personaFor(ctx, integration, message.author) : {}
      personaId = persona.personaId
      const requests = toSendRequests({ psid, ...input }).map((r) => (personaId ? { ...r, persona_id: personaId } : r))
      const omissions = [...messengerOmissions(input), ...(persona.warning ? [{ code: persona.warning.code, detail: persona.warning.message }] : [])]
      // A retried multi-part message resumes after the parts Facebook already accepted.
      const sent = store.messages.externalsOf(message.id)
      for (const request of requests.slice(sent.length)) {
        const res = await fb.send(request)
        const mid = res.message_id ?? `${message.id}:${sent.length}`
        store.messages.recordExternal(mid, message.id, job.conversationId, ctx.clock.now())
        sent.push(mid)
      }
      // What was left out is noted for the diagnosis, and told in the channel delivery event.
      const noteOmissions = () => {
        const at = new Date(ctx.clock.now()).toISOString()
        for (const o of omissions) store.deliveryNotes.add({ integrationId: integration.id, messageId: message.id, code: o.code, detail: o.detail, at })
      }
      // Under the European privacy rules the business gets no channel delivery events (seed, Europe).
      if (underEuPrivacyRules(integration.config.eea, ec.client)) return { ok: true, after: noteOmissions }
      return {
        ok: true,
        after: () => {
          noteOmissions()
          emit(ctx, ec, {
            type: 'conversation:message:delivery:channel', messageId: message.id,
            externalMessages: sent.map((id) => ({ id })),
            ...(omissions.length ? { warnings: omissions.map((o) => ({ code: o.code, message: o.detail })) } : {}),
          })
        },
      }
    } catch (err) {
      // A persona deleted on the page since it was created: forgotten, and created again on the retry.
      if (personaId && isUnknownPersona(err)) {
        store.personas.forget(integration.id, personaId)
        return { ok: false, retry: true, error: (err as Error).message }
      }
      const transient = (err instanceof GraphApiError || err instanceof GraphUnreachableError) && err.transient
      failures.set(item.seq, err)
      if (!(err instanceof GraphApiError) && !(err instanceof GraphUnreachableError)) throw err
      return { ok: false, retry: transient, error: err.message }
    }
  }

  /** Typing and read that fail are dropped silently, as Facebook does for EEA audiences (seed, Europe). */
  function onGiveUp(item: OutboxItem, error: string): void {
    const job = item.body as SendJob
    const err = failures.get(item.seq) ?? new Error(error)
    failures.delete(item.seq)
    if (job.type !== 'message') return
    const ec = eventContext(job)
    if (!ec) return
    ctx.log.warn(`message ${job.messageId} could not be delivered to Messenger: ${error}`)
    const failure = deliveryError(err)
    // Kept for the dashboard, which shows the message as failed with Facebook's error (store/delivery-log.ts).
    if (store.messages.get(job.messageId)) {
      store.deliveryLog.addFailure(job.messageId, job.conversationId, failure, new Date(ctx.clock.now()).toISOString())
    }
    emit(ctx, ec, { type: 'conversation:message:delivery:failure', messageId: job.messageId, error: failure })
  }

  return { handle, onGiveUp }
}
