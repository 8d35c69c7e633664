/**
 * The Conversations API for Messenger (docs §14): the page's inbox history, read with a page token of that page and
 * pages_messaging (a user token gets `(#210) A page access token is required`). `GET /{page-id}/conversations`
 * (`platform=messenger`, `user_id=PSID`, `fields=`, cursor paging, the most recently active first), `GET
 * /{conversation-id}` (`t_…`) with `fields=messages{message,from,to,created_time,attachments},participants,…`,
 * `GET /{conversation-id}/messages` (newest first) and `GET /{message-id}` (`m_…`). Both directions, the ids the Send
 * API and webhooks gave.
 */
import { route, type GraphRequest, type GraphRoute } from './router.js'
import { graphError } from '../facebook/errors.js'
import {
  CONVERSATION_DEFAULT_FIELDS, CONVERSATION_LIMITS, CONVERSATION_PLATFORMS, conversationId, MESSAGE_DEFAULT_FIELDS,
} from '../facebook/conversations.js'
import { requireScope } from '../login/access.js'
import { pageRequest, paginate } from './cursors.js'
import { parseFields, selectFields, type FieldSpec } from './fields.js'
import { conversationReaders, messageReaders, messagesPage, seqOfCursor } from './conversation-fields.js'

/** A page token of `pageId` with pages_messaging; a user token is Graph's (#210), another page's token (#200). */
function requirePageInbox(req: GraphRequest, pageId: string): void {
  if (req.access.kind !== 'page') throw graphError('pageTokenRequired')
  if (req.access.pageId !== pageId) throw graphError('permissionsError')
  requireScope(req.access, 'pages_messaging')
}

/** The URL of a conversation's `messages` edge, for the paging links of an expanded `messages{…}`. */
function messagesUrl(req: GraphRequest, conversationId: string) {
  return (spec: FieldSpec): URL => {
    const u = new URL(`${req.version ? `/${req.version}` : ''}/${conversationId}/messages`, req.c.req.url)
    u.searchParams.set('access_token', req.access.raw)
    const names = (spec.subfields ?? MESSAGE_DEFAULT_FIELDS.map((name) => ({ name }))).map((s) => s.name)
    u.searchParams.set('fields', names.join(','))
    return u
  }
}

export const conversationRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'GET', edge: 'conversations',
    description: "Conversations API: the page's Messenger conversations, the most recently active first",
    handle: (req) => {
      const { world, params, node } = req
      requirePageInbox(req, node.id)
      const platform = params.string('platform') ?? 'messenger'
      if (!(CONVERSATION_PLATFORMS as readonly string[]).includes(platform)) {
        throw graphError('paramOneOf', 'platform', CONVERSATION_PLATFORMS.join(', '), platform)
      }
      const userId = params.string('user_id')
      const paging = pageRequest(params, CONVERSATION_LIMITS.pageDefault, CONVERSATION_LIMITS.pageMax)
      const psids = platform === 'instagram' ? [] : world.messages.conversationsOf(node.id)
        .map((s) => world.people.psids(s.personId)[node.id])
        .filter((p): p is string => p !== undefined && (userId === undefined || p === userId))
        .map((p) => world.people.byPsid(p)!)
      return paginate(psids, (p) => p.psid, paging, new URL(req.c.req.url), (p) => selectFields(params,
        conversationReaders(world, p, messagesUrl(req, conversationId(p.psid))), CONVERSATION_DEFAULT_FIELDS, 'UnifiedThread'))
    },
  }),
  route({
    node: 'conversation', method: 'GET', edge: '',
    description: 'Conversations API: one conversation, its participants and (with fields=messages{…}) its messages',
    handle: (req) => {
      requirePageInbox(req, req.node.psid.pageId)
      return selectFields(req.params, conversationReaders(req.world, req.node.psid, messagesUrl(req, req.node.id)), CONVERSATION_DEFAULT_FIELDS, 'UnifiedThread')
    },
  }),
  route({
    node: 'conversation', method: 'GET', edge: 'messages',
    description: "Conversations API: a conversation's messages, newest first",
    handle: (req) => {
      requirePageInbox(req, req.node.psid.pageId)
      const paging = pageRequest(req.params, CONVERSATION_LIMITS.pageDefault, CONVERSATION_LIMITS.pageMax)
      const fields = req.params.string('fields')
      return messagesPage(req.world, req.node.psid, fields === undefined ? undefined : parseFields(fields),
        { limit: paging.limit, afterSeq: seqOfCursor(paging.after) }, new URL(req.c.req.url))
    },
  }),
  route({
    node: 'message', method: 'GET', edge: '',
    description: 'Conversations API: one message, either direction',
    handle: (req) => {
      requirePageInbox(req, req.node.message.pageId)
      return selectFields(req.params, messageReaders(req.world, req.node.message), MESSAGE_DEFAULT_FIELDS, 'Message')
    },
  }),
]
