/**
 * The pages people look at (ui/index.tsx: dashboard, Messenger view, login dialog, SDK) and the dashboard's event
 * stream, loaded on their first request instead of at start. A first Graph or control call needs none of them, and
 * their modules (hono/jsx pages, the dashboard's actions, the SDK script) were a sixth of the time from
 * `node dist/emulator/cli.js` to its first answer (bench/cold-start.ts). The first page view pays that once.
 */
import { Hono, type Handler } from 'hono'
import type { World } from '../world/world.js'
import { DASHBOARD_PATH, EVENTS_PATH, OAUTH_DIALOG_PATHS, SDK_SCRIPT_PATH } from './paths.js'

/** A handler that builds its app on its first request, then hands that app every request (full path, same env). */
function onFirstUse(build: () => Promise<Hono>): Handler {
  let app: Promise<Hono> | undefined
  return async (c) => (await (app ??= build())).fetch(c.req.raw, c.env)
}

/** The UI's paths, answered by ui/index.tsx's app once loaded. `control` is what the dashboard acts through. */
export function createLazyUiApp(world: World, control: Hono): Hono {
  const ui = onFirstUse(async () => (await import('./index.js')).createUiApp(world, control))
  const app = new Hono()
  app.get('/', ui)
  app.get(SDK_SCRIPT_PATH, ui)
  for (const path of [DASHBOARD_PATH, ...OAUTH_DIALOG_PATHS]) app.all(path, ui).all(`${path}/*`, ui)
  return app
}

/** `GET /_emulator/events`, answered by ui/events.ts's app once loaded. */
export function createLazyEventsApp(world: World): Hono {
  const events = onFirstUse(async () =>
    new Hono().route(EVENTS_PATH, (await import('./events.js')).createEventsApp(world)))
  return new Hono().get(EVENTS_PATH, events)
}
