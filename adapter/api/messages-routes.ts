/**
 * Messages and activities of a conversation (conversations-api.md §6, §9). A business message is stored, then sent
 * asynchronously from the outbox; the API answers 201 with the stored message (seed, Delivery Events: the outcome
 * arrives as a delivery webhook). Messages are listed 100 to a page, the latest first served, older pages through
 * `page[before]`; deleting messages also deletes the attachments uploaded for them.
 */
import { Hono } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { activityPost, messagePost } from '../conversations/schemas.js'
import { messageJson } from '../store/serialize.js'
import { businessActivity, deleteMessages, postMessage } from './conversation-actions.js'
import { conversationOf } from './lookups.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { listing, pageRequest } from './paging.js'
import { parseBody } from './validate.js'

export function messagesRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx

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
    const message = postMessage(ctx, { app, conversation, user }, await parseBody(c, messagePost))
    return c.json({ messages: [messageJson(message)] }, 201)
  })

  r.delete('/:conversationId/messages', (c) => {
    deleteMessages(ctx, c.var.app, conversationOf(ctx, c.var.app, c.req.param('conversationId')).conversation)
    return c.json({})
  })

  r.delete('/:conversationId/messages/:messageId', (c) => {
    const { conversation } = conversationOf(ctx, c.var.app, c.req.param('conversationId'))
    deleteMessages(ctx, c.var.app, conversation, c.req.param('messageId'))
    return c.json({})
  })

  r.post('/:conversationId/activity', async (c) => {
    const app = c.var.app
    const { conversation, user } = conversationOf(ctx, app, c.req.param('conversationId'))
    const body = await parseBody(c, activityPost)
    if (body.author.type === 'user') {
      if (body.type !== 'conversation:read') throw apiError('badRequest', 'A user activity can only be conversation:read')
      store.conversations.markUserRead(conversation.id, new Date(ctx.clock.now()).toISOString())
      return c.json({})
    }
    businessActivity(ctx, { app, conversation, user }, body.type,
      { displayName: body.author.displayName, avatarUrl: body.author.avatarUrl })
    return c.json({})
  })
  return r
}
