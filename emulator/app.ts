/**
 * The emulator's HTTP surface, composed by path (STYLE §7.3): the control API under `/_emulator`, the pages people
 * see (login dialog, dashboard), and everything else is the Graph API.
 */
import { Hono, type MiddlewareHandler } from 'hono'
import type { World } from './world/world.js'
import { createControlApp } from './control/routes.js'
import { createGraphApp } from './graph/app.js'
import { GRAPH_ROUTES } from './graph/index.js'
import { createLazyEventsApp, createLazyUiApp } from './ui/lazy.js'
import { graphCors } from './ui/sdk.js'

/**
 * Graph's CORS headers (graphCors), put on the finished answer. hono's cors sets them on `c.res` before the handler
 * runs, and hono then rebuilds the handler's response to merge them in, which turns @hono/node-server's light
 * response into a full web Response and stream: a tenth of a Send API call (`npm run bench`). Setting the same
 * headers afterwards costs nothing. Preflights are answered by graphCors itself.
 */
const corsAfterAnswer: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') return graphCors(c, next)
  await next()
  await graphCors(c, async () => undefined)
}

export function createEmulatorApp(world: World): Hono {
  const app = new Hono()
  // The event stream comes before the control API's catch-all answers unknown `/_emulator` paths.
  // The UI's modules load on its first request (ui/lazy.ts): a quicker start for everything else.
  app.route('/', createLazyEventsApp(world))
  const control = createControlApp(world)
  app.route('/_emulator', control)
  // The dashboard's forms act through the control API in-process, so a click and a control call are the same action.
  app.route('/', createLazyUiApp(world, control))
  app.use('*', corsAfterAnswer)
  app.route('/', createGraphApp(world, GRAPH_ROUTES))
  return app
}
