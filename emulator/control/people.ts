/**
 * People on Messenger, driven through the control API (DESIGN "Control API"): a person acts in their thread with a
 * page (`POST /people/{personId}/actions`), and what they see is read back (`GET /people/{personId}/threads/{pageId}`,
 * no side effects). Also the media people download: files uploaded through the Attachment Upload API.
 */
import { Hono, type Context } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import { personActionSchema } from '../messenger/person-action-schema.js'
import { ActionRefused, performPersonAction } from '../messenger/person-actions.js'
import { renderThread, THREAD_WINDOW } from '../messenger/thread-view.js'
import { ControlError, controlErrorResponse, notFound } from './errors.js'
import type { PersonActionResult, ThreadView } from './types.js'

const ThreadQuery = z.object({
  platform: z.enum(['web', 'ios', 'android']).optional(),
  before: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(THREAD_WINDOW.max).optional(),
}).strict()

function refused(err: unknown, c: Context): Response {
  if (err instanceof ActionRefused) return controlErrorResponse(new ControlError(err.status, err.message, err.instructions), c)
  return controlErrorResponse(err, c)
}

export function createPeopleApp(world: World): Hono {
  const app = new Hono()
  app.onError(refused)

  app.post('/people/:personId/actions', async (c) => {
    const text = await c.req.text()
    const action = personActionSchema().parse(JSON.parse(text.trim() === '' ? '{}' : text))
    return c.json<PersonActionResult>(await performPersonAction(world, c.req.param('personId'), action), 201)
  })

  // `?before=<mid>&limit=N`: the N newest messages before that one (ThreadView.earlier gives the next mid to ask).
  app.get('/people/:personId/threads/:pageId', (c) => {
    const { platform, ...window } = ThreadQuery.parse(c.req.query())
    return c.json<ThreadView>(renderThread(world, c.req.param('personId'), c.req.param('pageId'), platform, window))
  })

  app.get('/attachments/:id', (c) => {
    const id = c.req.param('id')
    const meta = world.attachments.get(id)
    const data = world.attachments.data(id)
    if (!meta || !data) throw notFound('uploaded attachment', id)
    return c.body(new Uint8Array(data), 200, { 'content-type': meta.contentType || 'application/octet-stream' })
  })
  return app
}
