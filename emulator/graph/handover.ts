/**
 * The handover protocol's Graph edges (docs §9, §13), on `/me` and `/{page-id}` with a page token of that page and
 * pages_messaging: `pass_thread_control`, `take_thread_control`, `request_thread_control`, `release_thread_control`
 * (each `{recipient: {id: PSID}, metadata}` → `{success: true}`), `GET secondary_receivers` and
 * `GET thread_owner?recipient=PSID`. The rules are messenger/handover.ts.
 */
import * as z from 'zod'
import { route, type GraphRequest, type GraphRoute } from './router.js'
import type { Page } from '../world/pages.js'
import { requirePageToken } from './send.js'
import { parseGraph } from '../messenger/graph-validation.js'
import {
  passThreadControl, releaseThreadControl, requestThreadControl, takeThreadControl, type HandoverCall,
} from '../messenger/handover.js'
import { threadOwner } from '../messenger/thread-owner.js'
import { graphError } from '../facebook/errors.js'
import { PAGE_INBOX } from '../facebook/handover.js'
import { selectFields } from './fields.js'

type PageRequest = GraphRequest<{ kind: 'page'; id: string; page: Page }>

/** Ids come as JSON numbers or strings, or as form text (docs §11). */
const numericId = (what: string) =>
  z.union([z.string().regex(/^\d+$/, `must be ${what}`), z.number().int().transform(String)])
const HandoverBody = z.object({
  recipient: z.object({ id: numericId('a PSID') }).strict(),
  metadata: z.string().optional(),
})
const TargetAppId = numericId('an app id')

/** The call a handover edge makes, validated (a missing recipient is `(#100) The parameter recipient is required`). */
function handoverCall(req: PageRequest): HandoverCall {
  requirePageToken(req)
  const body = parseGraph(HandoverBody, { recipient: req.params.object('recipient'), metadata: req.params.string('metadata') })
  return { appId: req.access.app.id, pageId: req.node.id, psid: body.recipient.id, metadata: body.metadata }
}

const success = { success: true } as const

export const handoverRoutes: GraphRoute[] = [
  route({
    node: 'page', method: 'POST', edge: 'pass_thread_control',
    description: 'Handover: the thread owner passes the thread to another app with a role on the page',
    handle: (req) => {
      const call = handoverCall(req)
      const targetAppId = parseGraph(TargetAppId, req.params.required('target_app_id'), ['target_app_id'])
      passThreadControl(req.world, { ...call, targetAppId })
      return success
    },
  }),
  route({
    node: 'page', method: 'POST', edge: 'take_thread_control',
    description: 'Handover: the primary receiver takes the thread',
    handle: (req) => (takeThreadControl(req.world, handoverCall(req)), success),
  }),
  route({
    node: 'page', method: 'POST', edge: 'request_thread_control',
    description: 'Handover: an app asks the thread owner for the thread',
    handle: (req) => (requestThreadControl(req.world, handoverCall(req)), success),
  }),
  route({
    node: 'page', method: 'POST', edge: 'release_thread_control',
    description: 'Handover: the thread owner gives the thread back to the primary receiver',
    handle: (req) => (releaseThreadControl(req.world, handoverCall(req)), success),
  }),
  route({
    node: 'page', method: 'GET', edge: 'thread_owner',
    description: 'Handover: the app that controls the thread with a PSID',
    handle: (req) => {
      requirePageToken(req)
      const recipient = req.params.required('recipient')
      const person = req.world.people.byPsid(recipient)
      if (!person || person.pageId !== req.node.id) throw graphError('noMatchingUser')
      const owner = threadOwner(req.world, req.node.id, person.personId)
      return { data: owner === undefined ? [] : [{ thread_owner: { app_id: owner } }] }
    },
  }),
  route({
    node: 'page', method: 'GET', edge: 'secondary_receivers',
    description: "Handover: the page's secondary receiver apps (the Page Inbox always among them)",
    handle: (req) => {
      requirePageToken(req)
      const { world } = req
      const apps = [...world.appRoles.of(req.node.id).secondaryReceivers.map((id) => ({ id, name: world.apps.get(id)?.name ?? id })),
        PAGE_INBOX]
      return { data: apps.map((a) => selectFields(req.params, { id: () => a.id, name: () => a.name }, ['id', 'name'],
        'Application')) }
    },
  }),
]
