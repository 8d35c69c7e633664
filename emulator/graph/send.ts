/**
 * The Send API: `POST /me/messages` and `POST /{page-id}/messages` with a page token that has pages_messaging
 * (docs §3.1). Thin: read the parameters, validate (send-request.ts), apply the rules and store (page-send.ts).
 */
import { graphError } from '../facebook/errors.js'
import { requireKind, requireScope } from '../login/access.js'
import { route, type GraphRequest, type GraphRoute } from './router.js'
import type { Page } from '../world/pages.js'
import { parseSendRequest } from '../messenger/send-request.js'
import { sendAsPage } from '../messenger/page-send.js'

type PageRequest = GraphRequest<{ kind: 'page'; id: string; page: Page }>

/** The page token must speak for the page in the path (`/me` resolves to it already). */
export function requirePageToken(req: PageRequest): void {
  requireKind(req.access, 'page')
  if (req.access.pageId !== req.node.id) throw graphError('permissionsError')
  requireScope(req.access, 'pages_messaging')
}

export const sendRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'POST', edge: 'messages',
    description: 'Send API: a message or a sender action to a PSID of the page',
    handle: (req) => {
      requirePageToken(req)
      const { params } = req
      const request = parseSendRequest({
        recipient: params.object('recipient'), message: params.object('message'),
        sender_action: params.string('sender_action'), messaging_type: params.string('messaging_type'),
        tag: params.string('tag'), notification_type: params.string('notification_type'),
        persona_id: params.string('persona_id'),
      }, req.leniency)
      return sendAsPage(req.world, {
        appId: req.access.app.id, pageId: req.node.id, request, origin: () => new URL(req.c.req.url).origin,
      })
    },
  }),
]
