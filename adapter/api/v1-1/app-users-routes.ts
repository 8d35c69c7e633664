/**
 * `/v1.1[/apps/{appId}]/appusers` (docs/conversations-api.md §18; smooch-core 8.11.4 lib/api/appUsers.js and
 * conversations.js): an appUser is v2's user seen the v1.1 way, named in the path by `_id` or by `userId` (v2's
 * externalId); its one conversation is the user's default conversation, so v1.1 and v2 share the history.
 * - pre-create, get, update, delete, delete profile; channels (the user's Messenger identities);
 * - messages: list 100 at a time by time (`before`/`after`, Unix seconds, exclusive, one or the other), post as
 *   `appMaker` (sent to Messenger) or `appUser` (stored), delete one or all;
 * - conversation activity (typing:start/stop, conversation:read) and read (reset the unread count).
 */
import { Hono, type Context } from 'hono'
import type { AdapterContext } from '../../runtime/context.js'
import { messagePost } from '../../conversations/schemas.js'
import {
  activityPostV11, appUserPost, appUserPut, asV2Message, messagePostV11, v11FieldOf,
} from '../../conversations/v1-1-schemas.js'
import { newConversation, type ConversationRow } from '../../store/conversations.js'
import { appUserV11, messageV11, unixSeconds } from '../../store/serialize-v1-1.js'
import { newUser, type UserRow } from '../../store/users.js'
import { emit } from '../../webhooks/dispatcher.js'
import { businessActivity, deleteMessages, postMessage } from '../conversation-actions.js'
import type { ApiEnv } from '../env.js'
import { apiError } from '../errors.js'
import { userOf } from '../lookups.js'
import { parseBody, parseValue } from '../validate.js'

export function appUsersRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const now = () => new Date(ctx.clock.now()).toISOString()
  const appUser = (c: Context<ApiEnv>) => userOf(ctx, c.var.app, c.req.param('userId')!)
  const conversationOfUser = (user: UserRow): ConversationRow | undefined => store.conversations.ofUser(user.id)[0]
  const appUserJson = (user: UserRow) =>
    appUserV11(user, store.users.clientsOfUser(user.id), conversationOfUser(user) !== undefined)
  const conversationJson = (conversation: ConversationRow) =>
    ({ _id: conversation.id, unreadCount: store.messages.unreadByUser(conversation.id, conversation.userLastRead) })
  /** "Creates the conversation if none" (§18): the user's first, default conversation. */
  const ensureConversation = (c: Context<ApiEnv>, user: UserRow): ConversationRow => store.tx(() => {
    const existing = conversationOfUser(user)
    if (existing) return existing
    const created = store.conversations.create(newConversation({
      id: ctx.ids.record(), appId: user.appId, userId: user.id, participantId: ctx.ids.record(), isDefault: true, createdAt: now(),
    }))
    emit(ctx, { app: c.var.app, conversation: created, user }, { type: 'conversation:create', creationReason: 'message' })
    return created
  })

  r.post('/', async (c) => {
    const body = await parseBody(c, appUserPost)
    const app = c.var.app
    const user = store.tx(() => {
      if (store.users.byExternalId(app.id, body.userId)) throw apiError('userExists')
      return store.users.create(newUser({
        id: ctx.ids.record(), appId: app.id, externalId: body.userId, signedUpAt: body.signedUpAt ?? now(),
        givenName: body.givenName ?? null, surname: body.surname ?? null, email: body.email ?? null, metadata: body.properties ?? {},
      }))
    })
    return c.json({ appUser: appUserJson(user) }, 201)
  })

  r.get('/:userId', (c) => c.json({ appUser: appUserJson(appUser(c)) }))

  r.put('/:userId', async (c) => {
    const user = appUser(c)
    const body = await parseBody(c, appUserPut)
    const updated = store.users.update({
      ...user, givenName: body.givenName ?? user.givenName, surname: body.surname ?? user.surname,
      email: body.email ?? user.email, signedUpAt: body.signedUpAt ?? user.signedUpAt,
      metadata: body.properties ? { ...user.metadata, ...body.properties } : user.metadata,
    })
    return c.json({ appUser: appUserJson(updated) })
  })

  r.delete('/:userId', (c) => {
    store.users.delete(appUser(c).id)
    return c.json({})
  })

  r.delete('/:userId/profile', (c) => {
    const user = appUser(c)
    const cleared = store.users.update({ ...user, givenName: null, surname: null, email: null, avatarUrl: null, locale: null, metadata: {} })
    return c.json({ appUser: appUserJson(cleared) })
  })

  /** The channels the user is reachable on, with the channel's own id of them (the PSID on Messenger). */
  r.get('/:userId/channels', (c) => c.json({
    channels: store.users.clientsOfUser(appUser(c).id).map((cl) => ({ type: cl.type, entityId: cl.externalId })),
  }))

  r.get('/:userId/messages', (c) => {
    const user = appUser(c)
    const before = timeQuery(c, 'before')
    const after = timeQuery(c, 'after')
    if (before !== undefined && after !== undefined) {
      throw apiError('badRequest', 'Parameters "before" and "after" are mutually exclusive. You must provide one or the other.')
    }
    const conversation = conversationOfUser(user)
    if (!conversation) return c.json({ messages: [] })
    const window = store.messages.windowByTime(conversation.id, {
      ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}),
    })
    const first = window.items[0]
    const last = window.items.at(-1)
    return c.json({
      conversation: conversationJson(conversation), messages: window.items.map(messageV11),
      ...(window.hasBefore && first ? { previous: pageUrl(c, 'before', first.received) } : {}),
      ...(window.hasAfter && last ? { next: pageUrl(c, 'after', last.received) } : {}),
    })
  })

  r.post('/:userId/messages', async (c) => {
    const user = appUser(c)
    const body = parseValue(asV2Message(await parseBody(c, messagePostV11)), messagePost, v11FieldOf)
    if (c.var.principal.scope === 'appUser' && body.author.type !== 'user') throw apiError('appUserScope')
    const conversation = ensureConversation(c, user)
    const message = postMessage(ctx, { app: c.var.app, conversation, user }, body)
    return c.json({ message: messageV11(message), conversation: conversationJson(conversation) }, 201)
  })

  r.delete('/:userId/messages', (c) => {
    const conversation = conversationOfUser(appUser(c))
    if (conversation) deleteMessages(ctx, c.var.app, conversation)
    return c.json({})
  })

  r.delete('/:userId/messages/:messageId', (c) => {
    const conversation = conversationOfUser(appUser(c))
    if (!conversation) throw apiError('messageNotFound')
    deleteMessages(ctx, c.var.app, conversation, c.req.param('messageId'))
    return c.json({})
  })

  r.post('/:userId/conversation/activity', async (c) => {
    const user = appUser(c)
    const body = await parseBody(c, activityPostV11)
    const conversation = conversationOfUser(user)
    if (!conversation) throw apiError('conversationNotFound')
    businessActivity(ctx, { app: c.var.app, conversation, user }, body.type)
    return c.json({ conversation: conversationJson(conversation) })
  })

  /** smooch-core `conversations.resetUnreadCount`: the business has read the conversation. */
  r.post('/:userId/conversation/read', (c) => {
    const conversation = conversationOfUser(appUser(c))
    if (!conversation) throw apiError('conversationNotFound')
    store.conversations.markBusinessRead(conversation.id, now())
    return c.json({ conversation: conversationJson(conversation) })
  })
  return r
}

/** `?before=` / `?after=`: Unix seconds (floats), as an ISO time to compare with `received`. */
function timeQuery(c: Context, name: 'before' | 'after'): string | undefined {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return undefined
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 8.64e12) {
    throw apiError('badRequest', `Parameter "${name}" must be a Unix timestamp in seconds, e.g. 1471995721.5`)
  }
  return new Date(seconds * 1000).toISOString()
}

/** "`next` is a ready URL (`...?after=1471995721`)" (§18): this request's URL with the time swapped. */
function pageUrl(c: Context, direction: 'before' | 'after', receivedIso: string): string {
  const url = new URL(c.req.url)
  url.searchParams.delete('before')
  url.searchParams.delete('after')
  url.searchParams.set(direction, String(unixSeconds(receivedIso)))
  return url.toString()
}
