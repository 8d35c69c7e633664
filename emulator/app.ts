/**
 * The emulator's HTTP surface, composed by path (STYLE §7.3): the control API under `/_emulator`, the pages people
 * see (login dialog, dashboard), and everything else is the Graph API. In front of all of it, one guard
 * (lib/http-guard.ts): a request for an unknown Host is refused in the error shape of the surface it asked, and the
 * pages get their security headers; control API writes must not come from another site.
 */
import { Hono, type Context } from 'hono'
import type { Runtime } from './runtime/runtime.js'
import { createControlApp } from './control/routes.js'
import { createGraphApp } from './graph/app.js'
import { GRAPH_ROUTES } from './graph/index.js'
import { createLazyEventsApp, createLazyUiApp, uiContentSecurityPolicy } from './ui/lazy.js'
import { GRAPH_CORS_HEADERS, graphCors } from './graph/cors.js'
import { crossSiteWrite, hostGuard, type Refusal } from '../lib/http-guard.js'
import { graphError } from './facebook/errors.js'
import { DASHBOARD_PATH } from './ui/paths.js'
import type { ControlErrorBody } from './control/errors.js'

export interface EmulatorAppOptions {
  /** Host names answered besides loopback names and IP addresses (lib/http-guard.ts): `--host`, `--allowed-host`. */
  allowedHosts?: readonly string[]
}

const CONTROL_PREFIX = '/_emulator'
/** Paths of pages people look at: a refusal there is a page too. */
const isPagePath = (path: string) => path === '/' || path.startsWith(DASHBOARD_PATH) ||
  /^\/(v\d+\.\d+\/)?dialog\//.test(path)

export function createEmulatorApp(runtime: Runtime, options: EmulatorAppOptions = {}): Hono {
  const { world } = runtime
  const app = new Hono()
  /** A refusal in the error shape of the surface asked: the control API's, a page's, or Graph's. */
  const refuse = (c: Context, { message, hint }: Refusal): Response => {
    if (c.req.path.startsWith(CONTROL_PREFIX)) return c.json<ControlErrorBody>({ error: message, instructions: hint }, 403)
    if (isPagePath(c.req.path)) return c.text(`${message}.\n${hint}\n`, 403)
    return c.json(graphError('hostNotAllowed', `${message}. ${hint}`).body(world.ids.fbtrace()), 403, GRAPH_CORS_HEADERS)
  }
  app.use('*', hostGuard({ allowedHosts: options.allowedHosts ?? [], refuse, csp: uiContentSecurityPolicy,
    flag: '--allowed-host NAME (or EMULATOR_ALLOWED_HOSTS=NAME)' }))
  // A page of another site may POST a form or text/plain anywhere; the control API takes neither (lib/http-guard.ts).
  app.use(`${CONTROL_PREFIX}/*`, async (c, next) => {
    if (!crossSiteWrite(c)) return next()
    return c.json<ControlErrorBody>({ error: 'Control API writes take a JSON body (content-type: application/json) and ' +
      'are not accepted from pages of other sites', instructions: 'Send the body as JSON, as the ControlClient and ' +
      "the README's curl examples do." }, 403)
  })
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
