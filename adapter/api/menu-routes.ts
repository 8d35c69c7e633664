/**
 * Persistent menus (conversations-api.md §16): `/v1.1/apps/{appId}/menu` (GET, PUT, DELETE) and
 * `/v1.1/apps/{appId}/integrations/{integrationId}/menu` (GET, POST, PUT, DELETE). An integration's own menu overrides
 * the app's; deleting it falls back to the app's. Applied to Facebook first and stored only when Facebook took it.
 */
import { Hono, type Context } from 'hono'
import type { AdapterContext } from '../runtime/context.js'
import { applyMenu } from '../messenger/menu.js'
import { menuProblem, menuSchema, withIds, type Menu } from '../conversations/menu.js'
import type { MessengerIntegrationRow } from '../store/integrations.js'
import type { ApiEnv } from './env.js'
import { apiError } from './errors.js'
import { parseBody } from './validate.js'

const EMPTY: Menu = { items: [] }

export function menuRoutes(ctx: AdapterContext): Hono<ApiEnv> {
  const r = new Hono<ApiEnv>()
  const { store } = ctx
  const now = () => new Date(ctx.clock.now()).toISOString()

  const messengerIntegration = (appId: string, id: string): MessengerIntegrationRow => {
    const row = store.integrations.get(appId, id)
    if (!row) throw apiError('integrationNotFound')
    if (row.type !== 'messenger') throw apiError('badRequest', 'Menus apply to messenger integrations')
    return row
  }
  /** Integrations that show the app menu: those without a menu of their own. */
  const followersOfAppMenu = (appId: string) => store.integrations.list(appId)
    .filter((i): i is MessengerIntegrationRow => i.type === 'messenger' && !store.menus.get(`integration:${i.id}`))

  const readMenu = async (c: Context<ApiEnv>): Promise<Menu> => {
    const body = await parseBody(c, menuSchema)
    const problem = menuProblem(body)
    if (problem) throw apiError('badRequest', problem)
    return withIds(body, ctx.ids.record)
  }

  r.get('/menu', (c) => c.json({ menu: store.menus.get(`app:${c.var.app.id}`) ?? EMPTY }))
  r.put('/menu', async (c) => {
    const menu = await readMenu(c)
    for (const i of followersOfAppMenu(c.var.app.id)) await applyMenu(ctx, i, menu)
    store.menus.put(`app:${c.var.app.id}`, c.var.app.id, menu, now())
    return c.json({ menu })
  })
  r.delete('/menu', async (c) => {
    for (const i of followersOfAppMenu(c.var.app.id)) await applyMenu(ctx, i, undefined)
    store.menus.delete(`app:${c.var.app.id}`)
    return c.json({ menu: EMPTY })
  })

  r.get('/integrations/:integrationId/menu', (c) => {
    const row = messengerIntegration(c.var.app.id, c.req.param('integrationId'))
    return c.json({ menu: store.menus.get(`integration:${row.id}`) ?? store.menus.get(`app:${row.appId}`) ?? EMPTY })
  })
  const setIntegrationMenu = async (c: Context<ApiEnv>) => {
    const row = messengerIntegration(c.var.app.id, c.req.param('integrationId')!)
    const menu = await readMenu(c)
    await applyMenu(ctx, row, menu)
    store.menus.put(`integration:${row.id}`, row.appId, menu, now())
    return c.json({ menu })
  }
  r.put('/integrations/:integrationId/menu', setIntegrationMenu)
  r.post('/integrations/:integrationId/menu', setIntegrationMenu)
  r.delete('/integrations/:integrationId/menu', async (c) => {
    const row = messengerIntegration(c.var.app.id, c.req.param('integrationId'))
    const appMenu = store.menus.get(`app:${row.appId}`)
    await applyMenu(ctx, row, appMenu)
    store.menus.delete(`integration:${row.id}`)
    return c.json({ menu: appMenu ?? EMPTY })
  })
  return r
}
