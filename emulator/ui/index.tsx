/**
 * Pages people look at: the dashboard (`/`, `/dashboard/…`), the Messenger view, the login dialog and the JavaScript
 * SDK stand-in (`/sdk.js` and its popup's callback page).
 */
import { Hono } from 'hono'
import type { World } from '../world/world.js'
import { createOAuthDialogApp } from './oauth-dialog.js'
import { OAUTH_DIALOG_PATHS } from './paths.js'
import { CALLBACK_SCRIPT, createSdkApp } from './sdk.js'
import { createDashboardApp } from './dashboard/index.js'
import { inProcessClient } from './dashboard/actions.js'
import { createMessengerViewApp } from './messenger-view.js'
import { dashboardCsrf } from './dashboard/csrf.js'
import { Layout, render } from './dashboard/layout.js'
import { DASHBOARD_PATH } from './paths.js'
import { contentSecurityPolicy } from '../../lib/http-guard.js'
import { LIVE_SCRIPT } from './dashboard/live-script.js'
import { DASHBOARD_CSS } from './dashboard/styles.js'
import { DIALOG_CSS } from './styles.js'

/**
 * The Content-Security-Policy of every page here: the only scripts and styles are these inline ones, allowed by hash
 * (lib/http-guard.ts). A page that inlines another must add it here, or the browser refuses it.
 */
export const UI_CONTENT_SECURITY_POLICY = contentSecurityPolicy({
  scripts: [LIVE_SCRIPT, CALLBACK_SCRIPT], styles: [DASHBOARD_CSS, DIALOG_CSS],
})

/** `control` is the control API's app: the dashboard acts through it in-process. */
export function createUiApp(world: World, control: Hono): Hono {
  const app = new Hono()
  // The SDK's callback page sits under the dialog's path, so it goes first.
  app.route('/', createSdkApp())
  const dialog = createOAuthDialogApp(world)
  for (const path of OAUTH_DIALOG_PATHS) app.route(path, dialog)
  const client = inProcessClient(control)
  // Every dashboard page sets the browser's CSRF cookie, and every dashboard form post must carry its token.
  const csrf = dashboardCsrf((c) => render(c, (
    <Layout title="Form refused" active="" flash={{ error: 'This form did not come from this dashboard: its security ' +
      'token is missing or out of date.', instructions: 'Reload the page and submit the form again.' }}>
      <p><a href="/">Back to the overview</a></p>
    </Layout>
  ), 403))
  app.use('/', csrf)
  app.use(`${DASHBOARD_PATH}/*`, csrf)
  app.route('/', createDashboardApp(client))
  app.route('/', createMessengerViewApp(client))
  return app
}
