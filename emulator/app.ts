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

export function createEmulatorApp(world: World): Hono {
  const app = new Hono()
  app.route('/_emulator', createControlApp(world))
  app.route('/', createUiApp(world))
  app.route('/', createGraphApp(world, GRAPH_ROUTES))
  return app
}
