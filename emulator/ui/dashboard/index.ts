/**
 * The dashboard: Facebook's developer dashboard and account settings as far as the emulator needs them, plus the
 * logs. One module per page; every page reads and acts through the typed control client (bound in-process), so
 * what a click does is exactly what the control API does.
 */
import { Hono } from 'hono'
import type { ControlClient } from '../../control/client.js'
import { homeRoutes } from './home.js'
import { appsRoutes } from './apps.js'
import { pagesRoutes } from './pages.js'
import { accountsRoutes } from './accounts.js'
import { faultsRoutes } from './faults.js'
import { webhooksRoutes } from './webhooks.js'
import { requestsRoutes } from './requests.js'

export function createDashboardApp(client: ControlClient): Hono {
  const app = new Hono()
  for (const routes of [homeRoutes, appsRoutes, pagesRoutes, accountsRoutes, faultsRoutes, webhooksRoutes, requestsRoutes]) {
    app.route('/', routes(client))
  }
  return app
}
