/**
 * The legacy v1.1 webhook body (docs/conversations-api.md §13, §18; the seed's click-to-Messenger examples and its
 * `message:delivery:failure` trigger): `{ trigger, app: { _id }, appUser, client?, conversation, messages | postbacks |
 * …, version: "v1.1" }` with `_id`s, roles `appUser`/`appMaker` and Unix-seconds timestamps.
 * `appUser` is truncated (`_id`, `userId`, `conversationStarted`, `signedUpAt`, as in Sunshine's v1.1 examples) unless
 * the webhook asked for `includeFullAppUser`; `client` is there when it asked for `includeClient`.
 */
import type { Ids } from '../runtime/ids.js'
import { V11_ALIASES, type V11Trigger } from '../conversations/v1-1-triggers.js'
import type { WebhookRow } from '../store/integrations.js'
import { appUserV11, clientV11, messageV11, truncatedAppUserV11, unixSeconds } from '../store/serialize-v1-1.js'
import type { ConversationEvent, EventContext } from './events.js'

/** The v1.1 trigger that reports a conversation event, if any (Messenger gives no `typing:appUser`). */
function v11TriggerOf(e: ConversationEvent): V11Trigger | undefined {
  switch (e.type) {
    case 'conversation:message': return e.message.author.type === 'user' ? 'message:appUser' : 'message:appMaker'
    case 'conversation:postback': return 'postback'
    case 'conversation:read': return 'conversation:read'
    case 'conversation:referral': return 'conversation:referral'
    // "when a user opts in to start receiving messages" (v1 reference): Get Started, a referral, an opt-in.
    case 'conversation:create': return e.creationReason === 'startConversation' ? 'conversation:start' : undefined
    case 'conversation:message:delivery:channel': return 'message:delivery:channel'
    case 'conversation:message:delivery:user': return 'message:delivery:user'
    case 'conversation:message:delivery:failure': return 'message:delivery:failure'
    // The switchboard came with v2: a v1.1 webhook has no trigger for it.
    default: return undefined
  }
}

/**
 * The trigger a v1.1 webhook receives the event under: its v1.1 name when the webhook lists it (or `*`), else the older
 * name it subscribed with (`message`, `delivery:success`, `delivery:failure`), so the body says what was asked for.
 */
export function v11Trigger(webhook: WebhookRow, e: ConversationEvent): string | undefined {
  const trigger = v11TriggerOf(e)
  if (!trigger) return undefined
  if (webhook.triggers.includes(trigger) || webhook.triggers.includes('*')) return trigger
  return V11_ALIASES[trigger]?.find((alias) => webhook.triggers.includes(alias))
}

export function v11Body(e: ConversationEvent, ctx: EventContext, webhook: WebhookRow, ids: Ids, now: number): Record<string, unknown> {
  const trigger = v11Trigger(webhook, e)!
  const appUser = webhook.includeFullUser
    ? appUserV11(ctx.user, ctx.client ? [ctx.client] : [], true) : truncatedAppUserV11(ctx.user, true)
  const base: Record<string, unknown> = { trigger, app: { _id: ctx.app.id }, appUser }
  if (ctx.client && webhook.includeFullSource) base.client = clientV11(ctx.client, true)
  base.conversation = { _id: ctx.conversation.id }
  const destination = { type: 'messenger', ...(ctx.integrationId ? { integrationId: ctx.integrationId } : {}) }
  switch (e.type) {
    case 'conversation:message':
      base.messages = [messageV11(e.message)]
      break
    case 'conversation:postback':
      // "the action._id will be randomly generated and the action.payload will be set to the payload" (seed, ads).
      base.postbacks = [{
        action: { _id: ids.record(), type: 'postback', ...(e.postback.text ? { text: e.postback.text } : {}), payload: e.postback.payload },
      }]
      break
    case 'conversation:referral':
      base.referral = e.referral
      break
    case 'conversation:read':
      // `{ trigger, app, source: { type: "messenger" }, appUser, timestamp }` (v1 reference, conversation events).
      Object.assign(base, { source: { type: 'messenger' }, timestamp: unixSeconds(e.at) })
      break
    case 'conversation:create':
      Object.assign(base, { source: { type: 'messenger' }, timestamp: now / 1000 })
      break
    case 'conversation:message:delivery:channel':
    case 'conversation:message:delivery:user':
      Object.assign(base, {
        destination, isFinalEvent: true, externalMessages: e.externalMessages, message: { _id: e.messageId }, timestamp: now / 1000,
        ...('warnings' in e && e.warnings ? { warnings: e.warnings } : {}),
      })
      break
    case 'conversation:message:delivery:failure':
      Object.assign(base, {
        destination, isFinalEvent: true, message: { _id: e.messageId }, timestamp: now / 1000,
        error: { code: e.error.code, underlyingError: e.error.underlyingError ?? { message: e.error.message } },
      })
      break
    default:
      break
  }
  base.version = 'v1.1'
  return base
}
