/**
 * Pages people look at: the start page (the dashboard arrives with issue 6) and the login dialog.
 */
import { Hono } from 'hono'
import type { World } from '../world/world.js'
import { createOAuthDialogApp, OAUTH_DIALOG_PATHS } from './oauth-dialog.js'

export function createUiApp(world: World): Hono {
  const app = new Hono()
  const dialog = createOAuthDialogApp(world)
  for (const path of OAUTH_DIALOG_PATHS) app.route(path, dialog)
  app.get('/', (c) => c.html(
    <html lang="en">
      <head><title>Messenger Emulator</title></head>
      <body>
        <h1>Messenger Emulator</h1>
        <p>Graph API: <code>{new URL(c.req.url).origin}/v21.0/…</code></p>
        <p>{world.apps.list().length} apps, {world.pages.list().length} pages, {world.people.list().length} people.</p>
        <p><a href="/_emulator/world">The world document</a> · <a href="/_emulator/health">health</a></p>
      </body>
    </html>,
  ))
  return app
}
