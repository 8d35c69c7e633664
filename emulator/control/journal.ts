/**
 * The request journal through the control API: `GET /_emulator/requests` lists the Graph calls the emulator
 * answered, newest first, filterable by `appId`, `pageId`, `status` and `limit` (beside `/_emulator/deliveries`, the
 * webhook log). Reading it has no side effects.
 */
import { Hono } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import type { JournalEntry } from '../world/journal.js'
import type { RequestView } from './types.js'

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

const RequestQuery = z.object({
  appId: z.string().regex(/^\d+$/).optional(),
  pageId: z.string().regex(/^\d+$/).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
}).strict()

export const requestView = (e: JournalEntry): RequestView => ({ ...e, at: new Date(e.at).toISOString() })

export function createJournalControlApp(world: World): Hono {
  const app = new Hono()
  app.get('/requests', (c) => {
    const filter = RequestQuery.parse(c.req.query())
    return c.json<{ data: RequestView[] }>({ data: world.journal.list(filter).map(requestView) })
  })
  return app
}
