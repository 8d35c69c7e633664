/**
 * Users, conversations, messages and activities (conversations-api.md §4–§6, §9). A business message is stored, then
 * sent asynchronously from the outbox; the API answers 201 with the stored message (seed, Delivery Events: the outcome
 * arrives as a delivery webhook).
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { messengerRefusal, type SenderAction } from '../messenger/outbound.js'
import type { SendJob } from '../messenger/sender.js'
import type { AppRow } from '../store/apps.js'
import type { ConversationRow, MessageRow } from '../store/conversations.js'
import type { ClientRow, UserRow } from '../store/users.js'
import { emit } from '../webhooks/dispatcher.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { activityPost, messagePost, type MessagePost } from '../conversations/schemas.js'
import { clientJson, conversationJson, messageJson, userJson } from '../store/serialize.js'
import { applyShorthand } from '../conversations/shorthand.js'
import { parseBody } from './validate.js'

const ACTIVITY_ACTIONS: Record<string, SenderAction> = {
  'typing:start': 'typing_on', 'typing:stop': 'typing_off', 'conversation:read': 'mark_seen',
}

export function conversationsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx

  const conversationOf = (app: AppRow, id: string): { conversation: ConversationRow; user: UserRow } => {
    const conversation = store.conversations.get(app.id, id)
    const user = conversation && store.users.get(app.id, conversation.userId)
    if (!conversation || !user) throw apiError('conversationNotFound')
    return { conversation, user }
  }
  const userOf = (app: AppRow, idOrExternalId: string): UserRow => {
    const user = store.users.get(app.id, idOrExternalId)
    if (!user) throw apiError('userNotFound')
    return user
  }

  /** The client a business message goes to (conversations-api.md §6.2 `destination`), or undefined for none. */
  const destinationClient = (user: UserRow, destination: MessagePost['destination']): ClientRow | undefined => {
    const clients = store.users.clientsOfUser(user.id).filter((c) => c.type === 'messenger')
    if (!destination) return clients[0]
    if ('integrationId' in destination) {
      const client = clients.find((c) => c.integrationId === destination.integrationId)
      if (!client) throw apiError('badRequest', `The user has no client for integration ${destination.integrationId}`)
      return client
    }
    if (destination.integrationType === 'none') return undefined
    if (destination.integrationType !== 'messenger') {
      throw apiError('badRequest', `The user has no client of type ${destination.integrationType}`)
    }
    if (!clients[0]) throw apiError('badRequest', 'The user has no messenger client')
    return clients[0]
  }

  r.get('/users/:userId', (c) => c.json({ user: userJson(userOf(c.var.app, c.req.param('userId'))) }))
  r.get('/users/:userId/clients', (c) => {
    const user = userOf(c.var.app, c.req.param('userId'))
    return c.json({ clients: store.users.clientsOfUser(user.id).map(clientJson), meta: { hasMore: false }, links: {} })
  })

  r.get('/conversations', (c) => {
    const userId = c.req.query('filter[userId]') ?? c.req.query('filter[userExternalId]')
    if (!userId) throw apiError('badRequest', 'filter[userId] or filter[userExternalId] is required')
    const user = userOf(c.var.app, userId)
    return c.json({ conversations: store.conversations.ofUser(user.id).map(conversationJson), meta: { hasMore: false }, links: {} })
  })
  r.get('/conversations/:conversationId', (c) => {
    const { conversation } = conversationOf(c.var.app, c.req.param('conversationId'))
    return c.json({ conversation: conversationJson(conversation) })
  })
  r.get('/conversations/:conversationId/messages', (c) => {
    const { conversation } = conversationOf(c.var.app, c.req.param('conversationId'))
    return c.json({ messages: store.conversations.listMessages(conversation.id).map(messageJson), meta: { hasMore: false }, links: {} })
  })

  r.post('/conversations/:conversationId/messages', async (c) => {
    const app = c.var.app
    const { conversation, user } = conversationOf(app, c.req.param('conversationId'))
    const body = await parseBody(c, messagePost)
    const business = body.author.type === 'business'
    const content = business ? applyShorthand(body.content) : body.content
    if (business) {
      const refusal = messengerRefusal(content)
      if (refusal) throw apiError('badRequest', refusal)
    } else if ((body.author.userId ?? user.id) !== user.id && body.author.userExternalId !== user.externalId) {
      throw apiError('badRequest', 'author.userId is not the user of this conversation')
    }
    const client = business ? destinationClient(user, body.destination) : undefined
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
      store.conversations.addMessage(message)
      emit(ctx, { app, conversation, user, ...(client ? { client, integrationId: client.integrationId } : {}) },
        { type: 'conversation:message', message })
      if (client) {
        const job: SendJob = {
          type: 'message', appId: app.id, conversationId: conversation.id, integrationId: client.integrationId,
          clientId: client.id, messageId: message.id,
        }
        store.outbox.enqueue('send', `conversation:${conversation.id}`, job, ctx.clock.now())
      }
    })
    return c.json({ messages: [messageJson(message)] }, 201)
  })

  r.post('/conversations/:conversationId/activity', async (c) => {
    const app = c.var.app
    const { conversation, user } = conversationOf(app, c.req.param('conversationId'))
    const body = await parseBody(c, activityPost)
    if (body.author.type === 'user') {
      if (body.type !== 'conversation:read') throw apiError('badRequest', 'A user activity can only be conversation:read')
      return c.json({})
    }
    const client = store.users.clientsOfUser(user.id).find((cl) => cl.type === 'messenger')
    store.tx(() => {
      if (body.type === 'conversation:read') store.conversations.markBusinessRead(conversation.id, new Date(ctx.clock.now()).toISOString())
      if (client) {
        const job: SendJob = {
          type: 'activity', appId: app.id, conversationId: conversation.id, integrationId: client.integrationId,
          clientId: client.id, action: ACTIVITY_ACTIONS[body.type]!,
        }
        store.outbox.enqueue('send', `conversation:${conversation.id}`, job, ctx.clock.now())
      }
    })
    return c.json({})
  })
  return r
}
