/**
 * Pages people look at: the dashboard (`/`, `/dashboard/…`), the Messenger view, the login dialog and the JavaScript
 * SDK stand-in (`/sdk.js` and its popup's callback page).
 */
import { Hono } from 'hono'
import type { World } from '../world/world.js'
import { createOAuthDialogApp } from './oauth-dialog.js'
import { OAUTH_DIALOG_PATHS } from './paths.js'
import { createSdkApp } from './sdk.js'
import { createDashboardApp } from './dashboard/index.js'
import { inProcessClient } from './dashboard/actions.js'
import { createMessengerViewApp } from './messenger-view.js'

/** `control` is the control API's app: the dashboard acts through it in-process. */
export function createUiApp(world: World, control: Hono): Hono {
  const app = new Hono()
  // The SDK's callback page sits under the dialog's path, so it goes first.
  app.route('/', createSdkApp())
  const dialog = createOAuthDialogApp(world)
  for (const path of OAUTH_DIALOG_PATHS) app.route(path, dialog)
  const client = inProcessClient(control)
  app.route('/', createDashboardApp(client))
  app.route('/', createMessengerViewApp(client))
  return app
}
