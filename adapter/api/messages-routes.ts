/**
 * Messages and activities of a conversation (conversations-api.md §6, §9). A business message is stored, then sent
 * asynchronously from the outbox; the API answers 201 with the stored message (seed, Delivery Events: the outcome
 * arrives as a delivery webhook). Messages are listed 100 to a page, the latest first served, older pages through
 * `page[before]`; deleting messages also deletes the attachments uploaded for them.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { messengerRefusal, type SenderAction } from '../messenger/outbound.js'
import { messengerClientFor } from '../messenger/reach.js'
import { queueSend } from '../messenger/sender.js'
import { activityPost, messagePost } from '../conversations/schemas.js'
import { applyShorthand } from '../conversations/shorthand.js'
import type { MessageRow } from '../store/messages.js'
import { messageJson } from '../store/serialize.js'
import { emit } from '../webhooks/dispatcher.js'
import { conversationOf } from './lookups.js'
import { forgetAttachmentsOf } from './media.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { listing, pageRequest } from './paging.js'
import { parseBody } from './validate.js'

const ACTIVITY_ACTIONS: Record<string, SenderAction> = {
  'typing:start': 'typing_on', 'typing:stop': 'typing_off', 'conversation:read': 'mark_seen',
}

export function messagesRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const now = () => new Date(ctx.clock.now()).toISOString()

  r.get('/:conversationId/messages', (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    const page = pageRequest(c)
    const window = store.messages.window(conversation.id, page)
    if (!window) throw apiError('messageNotFound')
    return c.json({ messages: window.items.map(messageJson), ...listing(c, page, window, true) })
  })

  r.post('/:conversationId/messages', async (c) => {
    const app = c.var.app
    const { conversation, user } = conversationOf(ctx, app, c.req.param('conversationId'))
    const body = await parseBody(c, messagePost)
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
      id: ctx.ids.record(), conversationId: conversation.id, received: now(),
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
    return c.json({ messages: [messageJson(message)] }, 201)
  })

  r.delete('/:conversationId/messages', (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    store.tx(() => {
      store.messages.deleteAll(conversation.id)
      store.attachments.deleteForMessagesOf(conversation.id)
    })
    return c.json({})
  })

  r.delete('/:conversationId/messages/:messageId', (c) => {
    const app = c.var.app
    const { conversation } = conversationOf(ctx, app, c.req.param('conversationId'))
    const message = store.messages.get(c.req.param('messageId'))
    if (!message || message.conversationId !== conversation.id) throw apiError('messageNotFound')
    store.tx(() => {
      store.messages.delete(conversation.id, message.id)
      forgetAttachmentsOf(ctx, app.id, message)
    })
    return c.json({})
  })

  r.post('/:conversationId/activity', async (c) => {
    const app = c.var.app
    const { conversation, user } = conversationOf(ctx, app, c.req.param('conversationId'))
    const body = await parseBody(c, activityPost)
    if (body.author.type === 'user') {
      if (body.type !== 'conversation:read') throw apiError('badRequest', 'A user activity can only be conversation:read')
      store.conversations.markUserRead(conversation.id, now())
      return c.json({})
    }
    const client = store.users.clientsOfUser(user.id).find((cl) => cl.type === 'messenger')
    store.tx(() => {
      if (body.type === 'conversation:read') store.conversations.markBusinessRead(conversation.id, now())
      if (client) {
        queueSend(ctx, {
          type: 'activity', appId: app.id, conversationId: conversation.id, integrationId: client.integrationId, clientId: client.id,
          action: ACTIVITY_ACTIONS[body.type]!, author: { displayName: body.author.displayName, avatarUrl: body.author.avatarUrl },
        })
      }
    })
    return c.json({})
  })
  return r
}
