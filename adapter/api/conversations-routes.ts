/**
 * Conversations and their participants (conversations-api.md §5): create a personal conversation for a user, list a
 * user's conversations, read, update and delete one (not the user's default), list its participant. Joining and
 * leaving are for `sdkGroup` conversations only ("The endpoint only supports adding a participant to a sdkGroup
 * conversation", ParticipantsApi of the official clients), and those belong to Sunshine's SDK channels (Web, iOS,
 * Android), which the adapter does not offer: both are answered 400 with the reason.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import {
  conversationPatch, conversationPost, participantJoin, participantLeave, type UserRef,
} from '../conversations/resource-schemas.js'
import type { AppRow } from '../store/apps.js'
import { newConversation, type ConversationRow } from '../store/conversations.js'
import { conversationJson, participantJson } from '../store/serialize.js'
import { emit } from '../webhooks/dispatcher.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { conversationOf, userOf } from './lookups.js'
import { listing, pageRequest, windowOf } from './paging.js'
import { parseBody } from './validate.js'

const NO_SDK_GROUPS = 'sdkGroup conversations are for Sunshine\'s SDK channels (Web, iOS, Android), which this adapter ' +
  'does not offer: its conversations are personal, one user and the business'

export function conversationsRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const userOfRef = (app: AppRow, ref: UserRef) => userOf(ctx, app, 'userId' in ref ? ref.userId : ref.userExternalId)
  const view = (c: ConversationRow) => conversationJson(c, (id) => store.switchboards.integration(c.appId, id))

  r.post('/', async (c) => {
    const body = await parseBody(c, conversationPost)
    if (body.type === 'sdkGroup') throw apiError('badRequest', NO_SDK_GROUPS)
    if (body.participants?.length !== 1) {
      throw apiError('badRequest', 'participants: a personal conversation has exactly 1 participant')
    }
    const app = c.var.app
    const user = userOfRef(app, body.participants[0]!)
    const at = new Date(ctx.clock.now()).toISOString()
    const conversation = store.tx(() => {
      const created = store.conversations.create(newConversation({
        id: ctx.ids.record(), appId: app.id, userId: user.id, participantId: ctx.ids.record(),
        isDefault: store.conversations.ofUser(user.id).length === 0, createdAt: at,
        displayName: body.displayName ?? null, description: body.description ?? null, iconUrl: body.iconUrl ?? null,
        metadata: body.metadata ?? {},
      }))
      // "`none` … Used primarily when a conversation is created via the Create Conversation API" (webhook schema).
      emit(ctx, { app, conversation: created, user }, { type: 'conversation:create', creationReason: 'none' })
      return created
    })
    return c.json({ conversation: view(conversation) }, 201)
  })

  r.get('/', (c) => {
    const userId = c.req.query('filter[userId]')
    const externalId = c.req.query('filter[userExternalId]')
    if (!userId && !externalId) throw apiError('badRequest', 'filter[userId] or filter[userExternalId] is required')
    const app = c.var.app
    const user = userId ? store.users.get(app.id, userId) : store.users.byExternalId(app.id, externalId!)
    if (!user || (userId && user.id !== userId)) throw apiError('userNotFound')
    const page = pageRequest(c)
    const window = windowOf(store.conversations.ofUser(user.id), page)
    return c.json({ conversations: window.items.map(view), ...listing(c, page, window) })
  })

  r.get('/:conversationId', (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    return c.json({ conversation: view(conversation) })
  })

  r.patch('/:conversationId', async (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    const body = await parseBody(c, conversationPatch)
    const updated = store.conversations.update({
      ...conversation,
      ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.iconUrl !== undefined ? { iconUrl: body.iconUrl } : {}),
      ...(body.metadata !== undefined ? { metadata: body.metadata } : {}),
    })
    return c.json({ conversation: view(updated) })
  })

  r.delete('/:conversationId', (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    if (conversation.isDefault) {
      throw apiError('badRequest', `Conversation ${conversation.id} cannot be deleted because it is the default.`)
    }
    store.conversations.delete(conversation.id)
    return c.json({})
  })

  r.get('/:conversationId/participants', (c) => {
    const { conversation, user } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    const page = pageRequest(c)
    const participant = participantJson(conversation, user, store.users.clientsOfUser(user.id),
      store.messages.unreadByUser(conversation.id, conversation.userLastRead))
    const window = windowOf([participant], page)
    return c.json({ participants: window.items, ...listing(c, page, window) })
  })

  r.post('/:conversationId/join', async (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    userOfRef(c.var.app, await parseBody(c, participantJoin))
    throw apiError('badRequest', `Conversation ${conversation.id} is personal: only sdkGroup conversations can be joined (${NO_SDK_GROUPS})`)
  })

  r.post('/:conversationId/leave', async (c) => {
    const { conversation, user } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    const body = await parseBody(c, participantLeave)
    const named = 'participantId' in body ? body.participantId === conversation.participantId
      : ('userId' in body ? userOf(ctx, c.var.app, body.userId) : userOf(ctx, c.var.app, body.userExternalId)).id === user.id
    if (!named) throw apiError('notFound', 'Participant not found')
    throw apiError('badRequest', `Conversation ${conversation.id} is personal: its one participant cannot leave it (${NO_SDK_GROUPS})`)
  })
  return r
}
