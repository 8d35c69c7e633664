/**
 * A page's settings as its admins change them on Facebook, through the control API: `PATCH /_emulator/pages/{pageId}`
 * `{eea}` moves the page into (or out of) the European Economic Area, which puts all its conversations under the
 * European rules (seed guide "Impact of Messenger API Updates for Europe": "Europe pages in all chats").
 */
import { Hono } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import { controlErrorResponse, notFound } from './errors.js'
import type { PageView } from './types.js'

const PageSettingsBody = z.object({ eea: z.boolean().optional() }).strict()

function pageView(world: World, id: string): PageView {
  const p = world.pages.get(id)!
  return { id: p.id, name: p.name, eea: p.eea, admins: world.pages.admins(id) }
}

export function createPagesControlApp(world: World): Hono {
  const app = new Hono()
  app.onError(controlErrorResponse)

  app.patch('/pages/:pageId', async (c) => {
    const id = c.req.param('pageId')
    const text = await c.req.text()
    const settings = PageSettingsBody.parse(JSON.parse(text.trim() === '' ? '{}' : text))
    if (!world.pages.get(id)) throw notFound('page', id)
    if (settings.eea !== undefined) world.pages.setEea(id, settings.eea)
    return c.json(pageView(world, id))
  })
  return app
}
