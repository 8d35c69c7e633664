/**
 * A page's settings as its admins change them on Facebook, through the control API: `PATCH /_emulator/pages/{pageId}`
 * `{eea}` moves the page into (or out of) the European Economic Area, which puts all its conversations under the
 * European rules (seed guide "Impact of Messenger API Updates for Europe": "Europe pages in all chats"); `{nlpEnabled}`
 * turns built-in NLP on or off, as the App Dashboard's Messenger settings do (docs §18).
 */
import { Hono } from 'hono'
import * as z from 'zod'
import type { World } from '../world/world.js'
import { controlErrorResponse, notFound } from './errors.js'
import type { PageView } from './types.js'

const PageSettingsBody = z.object({ eea: z.boolean().optional(), nlpEnabled: z.boolean().optional() }).strict()

function pageView(world: World, id: string): PageView {
  const p = world.pages.get(id)!
  return {
    id: p.id, name: p.name, eea: p.eea, admins: world.pages.admins(id),
    nlpEnabled: world.nlpConfigs.get(id)?.enabled ?? false,
  }
}

export function createPagesControlApp(world: World): Hono {
  const app = new Hono()
  app.onError(controlErrorResponse)

  app.patch('/pages/:pageId', async (c) => {
    const id = c.req.param('pageId')
    const text = await c.req.text()
    const settings = PageSettingsBody.parse(JSON.parse(text.trim() === '' ? '{}' : text))
    if (!world.pages.get(id)) throw notFound('page', id)
    world.tx(() => {
      if (settings.eea !== undefined) world.pages.setEea(id, settings.eea)
      if (settings.nlpEnabled !== undefined) world.nlpConfigs.set(id, { enabled: settings.nlpEnabled })
    })
    return c.json(pageView(world, id))
  })
  return app
}
