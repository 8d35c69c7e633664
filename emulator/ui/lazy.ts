/**
 * The pages people look at (ui/index.tsx: dashboard, Messenger view, login dialog, SDK) and the dashboard's event
 * stream, loaded on their first request instead of at start. A first Graph or control call needs none of them, and
 * their modules (hono/jsx pages, the dashboard's actions, the SDK script) were a sixth of the time from
 * `node dist/emulator/cli.js` to its first answer (bench/cold-start.ts). The first page view pays that once.
 */
import { Hono, type Handler } from 'hono'
import type { World } from '../world/world.js'
import { DASHBOARD_PATH, EVENTS_PATH, OAUTH_DIALOG_PATHS, SDK_SCRIPT_PATH } from './paths.js'

/** The UI's module once a first page loaded it: its pages' Content-Security-Policy is known from then on. */
let ui: typeof import('./index.js') | undefined

/**
 * The Content-Security-Policy of the UI's pages. An HTML answer only ever comes from the UI's app, so by then its
 * module is loaded; before, the strictest policy.
 */
export const uiContentSecurityPolicy = (): string =>
  ui?.UI_CONTENT_SECURITY_POLICY ?? "default-src 'none'; frame-ancestors 'none'"

/** A handler that builds its app on its first request, then hands that app every request (full path, same env). */
function onFirstUse(build: () => Promise<Hono>): Handler {
  let app: Promise<Hono> | undefined
  return async (c) => (await (app ??= build())).fetch(c.req.raw, c.env)
}

/** The UI's paths, answered by ui/index.tsx's app once loaded. `control` is what the dashboard acts through. */
export function createLazyUiApp(world: World, control: Hono): Hono {
  const pages = onFirstUse(async () => (ui = await import('./index.js')).createUiApp(world, control))
  const app = new Hono()
  app.get('/', pages)
  app.get(SDK_SCRIPT_PATH, pages)
  for (const path of [DASHBOARD_PATH, ...OAUTH_DIALOG_PATHS]) app.all(path, pages).all(`${path}/*`, pages)
  return app
}

/** `GET /_emulator/events`, answered by ui/events.ts's app once loaded. */
export function createLazyEventsApp(world: World): Hono {
  const events = onFirstUse(async () =>
    new Hono().route(EVENTS_PATH, (await import('./events.js')).createEventsApp(world)))
  return new Hono().get(EVENTS_PATH, events)
}
