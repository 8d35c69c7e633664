/**
 * The emulator's HTTP surface, composed by path (STYLE §7.3): the control API under `/_emulator`, the pages people
 * see (login dialog, dashboard), and everything else is the Graph API.
 */
import { Hono } from 'hono'
import type { World } from './world/world.js'
import { createControlApp } from './control/routes.js'
import { createGraphApp } from './graph/app.js'
import { GRAPH_ROUTES } from './graph/index.js'
import { createUiApp } from './ui/index.js'
import { createEventsApp } from './ui/events.js'
import { graphCors } from './ui/sdk.js'

export function createEmulatorApp(world: World): Hono {
  const app = new Hono()
  // The event stream comes before the control API's catch-all answers unknown `/_emulator` paths.
  app.route('/_emulator/events', createEventsApp(world))
  const control = createControlApp(world)
  app.route('/_emulator', control)
  // The dashboard's forms act through the control API in-process, so a click and a control call are the same action.
  app.route('/', createUiApp(world, control))
  app.use('*', graphCors)
  app.route('/', createGraphApp(world, GRAPH_ROUTES))
  return app
}
