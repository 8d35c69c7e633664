/**
 * The emulator's HTTP surface, composed by path (STYLE §7.3): the control API under `/_emulator`, the pages people
 * see (login dialog, dashboard), and everything else is the Graph API.
 */
import { Hono } from 'hono'
import type { Runtime } from './runtime/runtime.js'
import { createControlApp } from './control/routes.js'
import { createGraphApp } from './graph/app.js'
import { GRAPH_ROUTES } from './graph/index.js'
import { createLazyEventsApp, createLazyUiApp } from './ui/lazy.js'
import { GRAPH_CORS_HEADERS, graphCors } from './graph/cors.js'

export function createEmulatorApp(runtime: Runtime): Hono {
  const { world } = runtime
  const app = new Hono()
  // The event stream comes before the control API's catch-all answers unknown `/_emulator` paths.
  // The UI's modules load on its first request (ui/lazy.ts): a quicker start for everything else.
  app.route('/', createLazyEventsApp(world))
  const control = createControlApp(runtime)
  app.route('/_emulator', control)
  // The dashboard's forms act through the control API in-process, so a click and a control call are the same action.
  app.route('/', createLazyUiApp(world, control))
  // Preflights are answered by graphCors itself. A route for OPTIONS only, not a middleware for every method: other
  // calls then match the Graph app's handler alone, which hono runs without composing a chain (~0.3 µs a call).
  app.options('*', graphCors)
  app.route('/', createGraphApp(runtime, GRAPH_ROUTES, GRAPH_CORS_HEADERS))
  return app
}
