/**
 * The legacy v1.1 webhook body (conversations-api.md §13; the seed's click-to-Messenger examples and its
 * `message:delivery:failure` trigger): `{ trigger, app: { _id }, appUser, client, conversation, messages | postbacks,
 * version: "v1.1" }` with `_id`s, roles `appUser`/`appMaker` and Unix-seconds timestamps.
 */
import type { Ids } from '../runtime/ids.js'
import type { MessageRow } from '../store/messages.js'
import type { ConversationEvent, EventContext } from './events.js'

/** The v1.1 trigger a v2 event is delivered under, if any. */
export function v11Trigger(e: ConversationEvent): string | undefined {
  switch (e.type) {
    case 'conversation:message': return e.message.author.type === 'user' ? 'message:appUser' : 'message:appMaker'
    case 'conversation:postback': return 'postback'
    case 'conversation:read': return 'conversation:read'
    case 'conversation:referral': return 'conversation:referral'
    case 'conversation:create': return 'conversation:start'
    case 'conversation:message:delivery:channel': return 'message:delivery:channel'
    case 'conversation:message:delivery:user': return 'message:delivery:user'
    case 'conversation:message:delivery:failure': return 'message:delivery:failure'
    // The switchboard came with v2: a v1.1 webhook has no trigger for it.
    default: return undefined
  }
}

const seconds = (iso: string) => Date.parse(iso) / 1000

export function v11Body(e: ConversationEvent, ctx: EventContext, ids: Ids, now: number): Record<string, unknown> {
  const trigger = v11Trigger(e)!
  const appUser: Record<string, unknown> = {
    _id: ctx.user.id, conversationStarted: true, signedUpAt: ctx.user.signedUpAt,
    ...(ctx.user.externalId ? { userId: ctx.user.externalId } : {}),
    ...(ctx.user.givenName ? { givenName: ctx.user.givenName } : {}),
    ...(ctx.user.surname ? { surname: ctx.user.surname } : {}),
  }
  const base: Record<string, unknown> = { trigger, app: { _id: ctx.app.id }, appUser }
  if (ctx.client) {
    base.client = {
      _id: ctx.client.id, lastSeen: ctx.client.lastSeen, platform: 'messenger', id: ctx.client.externalId,
      active: true, primary: true, integrationId: ctx.client.integrationId,
      ...(ctx.client.displayName ? { displayName: ctx.client.displayName } : {}),
      raw: ctx.client.raw,
    }
  }
  base.conversation = { _id: ctx.conversation.id }
  const destination = { type: 'messenger', ...(ctx.integrationId ? { integrationId: ctx.integrationId } : {}) }
  switch (e.type) {
    case 'conversation:message':
      base.messages = [v11Message(e.message, ctx)]
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
      base.timestamp = seconds(e.at)
      break
    case 'conversation:create':
      base.source = { type: ctx.integrationId ? 'messenger' : 'api' }
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

function v11Message(m: MessageRow, ctx: EventContext): Record<string, unknown> {
  const c = m.content as Record<string, unknown>
  const out: Record<string, unknown> = {
    _id: m.id, type: c.type, role: m.author.type === 'user' ? 'appUser' : 'appMaker',
    authorId: m.author.type === 'user' ? ctx.user.id : undefined,
    ...(m.author.displayName ? { name: m.author.displayName } : {}),
    received: seconds(m.received),
    source: { type: m.source.type, ...(m.source.originalMessageId ? { originalMessageId: m.source.originalMessageId } : {}) },
  }
  for (const k of ['text', 'payload', 'mediaUrl', 'coordinates', 'actions', 'items'] as const) {
    if (c[k] !== undefined) out[k] = c[k]
  }
  if (m.metadata) out.metadata = m.metadata
  if (out.authorId === undefined) delete out.authorId
  return out
}
