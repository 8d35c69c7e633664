/**
 * What the business does to a conversation, whichever API version it speaks (v2 messages-routes.ts, v1.1
 * v1-1/app-users-routes.ts): post a message (stored, fanned out to the webhooks, sent to Messenger from the outbox),
 * show typing or mark read, delete messages. One conversation, so a v1.1 and a v2 business see the same history.
 */
import type { AdapterContext } from '../runtime/context.js'
import { messengerRefusal, type SenderAction } from '../messenger/outbound.js'
import { messengerClientFor } from '../messenger/reach.js'
import { queueSend } from '../messenger/sender.js'
import type { PersonaAuthor } from '../messenger/persona.js'
import type { MessagePost } from '../conversations/schemas.js'
import { applyShorthand } from '../conversations/shorthand.js'
import type { AppRow } from '../store/apps.js'
import type { ConversationRow } from '../store/conversations.js'
import type { MessageRow } from '../store/messages.js'
import type { UserRow } from '../store/users.js'
import { emit } from '../webhooks/dispatcher.js'
import { apiError } from './errors.js'
import { forgetAttachmentsOf } from './media.js'

const ACTIVITY_ACTIONS: Record<string, SenderAction> = {
  'typing:start': 'typing_on', 'typing:stop': 'typing_off', 'conversation:read': 'mark_seen',
}

export interface Target { app: AppRow; conversation: ConversationRow; user: UserRow }

/** Stores the message and queues it; answers it as stored (the outcome comes later as a delivery webhook). */
export function postMessage(ctx: AdapterContext, { app, conversation, user }: Target, body: MessagePost): MessageRow {
  const { store } = ctx
  const business = body.author.type === 'business'
  const content = business ? applyShorthand(body.content) : body.content
  if (business) {
    const refusal = messengerRefusal(content)
    if (refusal) throw apiError('badRequest', refusal)
  } else if ((body.author.userId ?? user.id) !== user.id && body.author.userExternalId !== user.externalId) {
    throw apiError('badRequest', 'author.userId is not the user of this conversation')
  }
  const client = business
    ? messengerClientFor(store.users.clientsOfUser(user.id), user, body.destination,
      (id) => store.integrations.get(app.id, id)?.type === 'messenger')
    : undefined
  const message: MessageRow = {
    id: ctx.ids.record(), conversationId: conversation.id, received: new Date(ctx.clock.now()).toISOString(),
    author: {
      type: body.author.type, ...(business ? {} : { userId: user.id }),
      ...(body.author.displayName ? { displayName: body.author.displayName } : {}),
      ...(body.author.avatarUrl ? { avatarUrl: body.author.avatarUrl } : {}),
      ...(body.author.subtypes ? { subtypes: body.author.subtypes } : {}),
    },
    content,
    source: { type: 'api:conversations' },
    ...(body.metadata ? { metadata: body.metadata } : {}),
    ...(body.override?.messenger ? { override: { messenger: body.override.messenger } } : {}),
    ...(body.destination ? { destination: body.destination } : {}),
  }
  store.tx(() => {
    if (store.messages.isFull(conversation.id)) throw apiError('locked')
    store.messages.add(message)
    emit(ctx, { app, conversation, user, ...(client ? { client, integrationId: client.integrationId } : {}) },
      { type: 'conversation:message', message })
    if (client) queueSend(ctx, { type: 'message', appId: app.id, conversationId: conversation.id, integrationId: client.integrationId, clientId: client.id, messageId: message.id })
  })
  return message
}

/** The business types or reads: Messenger's sender action for the user's Messenger client, if they have one. */
export function businessActivity(ctx: AdapterContext, { app, conversation, user }: Target,
  type: 'typing:start' | 'typing:stop' | 'conversation:read', author?: PersonaAuthor): void {
  const { store } = ctx
  const client = store.users.clientsOfUser(user.id).find((cl) => cl.type === 'messenger')
  store.tx(() => {
    if (type === 'conversation:read') store.conversations.markBusinessRead(conversation.id, new Date(ctx.clock.now()).toISOString())
    if (client) queueSend(ctx, { type: 'activity', appId: app.id, conversationId: conversation.id, integrationId: client.integrationId, clientId: client.id, action: ACTIVITY_ACTIONS[type]!, ...(author ? { author } : {}) })
  })
}

/** All messages, or the one named (404 when it is not of this conversation), with the attachments uploaded for them. */
export function deleteMessages(ctx: AdapterContext, app: AppRow, conversation: ConversationRow, messageId?: string): void {
  const { store } = ctx
  if (messageId === undefined) {
    store.tx(() => {
      store.messages.deleteAll(conversation.id)
      store.attachments.deleteForMessagesOf(conversation.id)
    })
    return
  }
  const message = store.messages.get(messageId)
  if (!message || message.conversationId !== conversation.id) throw apiError('messageNotFound')
  store.tx(() => {
    store.messages.delete(conversation.id, message.id)
    forgetAttachmentsOf(ctx, app.id, message)
  })
}
