/**
 * The handover protocol as a page's people drive it on Facebook (docs §13), through the control API:
 * `GET|PUT /_emulator/pages/{pageId}/app-roles` (Messenger settings › App Roles: `{primaryReceiver,
 * secondaryReceivers}`, the Page Inbox always among the secondary receivers), `POST …/inbox-replies` `{psid, text}`
 * (the page's owner answers from the Page Inbox) and `POST …/inbox-done` `{psid}` (the Inbox's "Move to Done").
 */
import { Hono, type Context } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import type { PageAppRoles } from '../world/app-roles.js'
import { GraphError } from '../facebook/errors.js'
import { PAGE_INBOX } from '../facebook/handover.js'
import { setAppRoles } from '../messenger/handover.js'
import { inboxDone, inboxReply } from '../messenger/page-inbox.js'
import { readBody } from './body.js'
import { ControlError, controlErrorResponse, notFound } from './errors.js'
import type { AppRolesView, InboxReplyView } from './types.js'

const appId = z.string().regex(/^\d+$/, 'app ids are decimal strings')
const AppRolesBody = z.object({
  primaryReceiver: appId.nullable(),
  secondaryReceivers: z.array(appId).max(100).optional(),
}).strict()
const InboxReplyBody = z.object({ psid: z.string().min(1), text: z.string().min(1).max(2000) }).strict()
const InboxDoneBody = z.object({ psid: z.string().min(1) }).strict()

export function appRolesView(roles: PageAppRoles): AppRolesView {
  return { primaryReceiver: roles.primaryReceiver, secondaryReceivers: [...roles.secondaryReceivers, PAGE_INBOX.id] }
}

/** A Graph rule's refusal (no such PSID, a blocked person, no primary receiver) as a control error. */
function refused(err: unknown, c: Context): Response {
  if (!(err instanceof GraphError)) return controlErrorResponse(err, c)
  return controlErrorResponse(new ControlError(409, `${err.message}${err.reason ? ` (${err.reason})` : ''}`,
    'GET /_emulator/world lists the PSIDs of each page; PUT /_emulator/pages/{pageId}/app-roles sets a primary ' +
    'receiver.'), c)
}

export function createHandoverControlApp(world: World): Hono {
  const app = new Hono()
  app.onError(refused)

  const page = (c: Context) => {
    const id = c.req.param('pageId')!
    if (!world.pages.get(id)) throw notFound('page', id)
    return id
  }

  app.get('/pages/:pageId/app-roles', (c) => c.json<AppRolesView>(appRolesView(world.appRoles.of(page(c)))))

  app.put('/pages/:pageId/app-roles', async (c) => {
    const pageId = page(c)
    const body = await readBody(c, AppRolesBody)
    const secondaryReceivers = [...new Set(body.secondaryReceivers ?? [])].filter((id) => id !== PAGE_INBOX.id)
    for (const id of [body.primaryReceiver, ...secondaryReceivers]) {
      if (id !== null && !world.apps.get(id)) throw notFound('app', id)
    }
    return c.json<AppRolesView>(appRolesView(setAppRoles(world, pageId, {
      primaryReceiver: body.primaryReceiver, secondaryReceivers,
    })))
  })

  app.post('/pages/:pageId/inbox-replies', async (c) => {
    const pageId = page(c)
    const { psid, text } = await readBody(c, InboxReplyBody)
    return c.json<InboxReplyView>(inboxReply(world, pageId, psid, text), 201)
  })

  app.post('/pages/:pageId/inbox-done', async (c) => {
    const pageId = page(c)
    const { psid } = await readBody(c, InboxDoneBody)
    return c.json<Omit<InboxReplyView, 'mid'>>(inboxDone(world, pageId, psid))
  })
  return app
}
