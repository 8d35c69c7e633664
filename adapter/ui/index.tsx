/**
 * The adapter's dashboard under `/dashboard` (issue 19): log in with an app's API key or the account key (a form, or
 * HTTP Basic for scripts); Integrations with Messenger's Authenticate (connect.tsx) and each integration's status and
 * fixes (integrations.tsx); Conversations (conversations.tsx); Webhooks with their delivery log (webhooks.tsx); live
 * updates at `/dashboard/events`. Every form carries a CSRF token (lib/csrf.tsx); every value is escaped by JSX.
 */
import { Hono, type Context } from 'hono'
import { CsrfField, csrfProtection } from '../../lib/csrf.js'
import { backPath, flashOf, readForm, withFlash } from '../../lib/forms.js'
import { ChangeHub } from '../../lib/change-hub.js'
import type { AdapterContext } from '../runtime/context.js'
import type { FacebookApp } from '../messenger/facebook-login.js'
import { appPath, type DashboardDeps } from './deps.js'
import { DashboardSessions, LOGIN_PATH, reaches } from './session.js'
import { LoginFlows } from './login-flows.js'
import { Layout, render } from './layout.js'
import { integrationsRoutes } from './integrations.js'
import { connectRoutes } from './connect.js'
import { conversationsRoutes } from './conversations.js'
import { webhooksRoutes } from './webhooks.js'

export { ADAPTER_DASHBOARD_CSS, LIVE_SCRIPT } from './layout.js'

const refused = (c: Context) => render(c, (
  <Layout title="Form refused" loggedIn={false} flash={{ error: 'This form did not come from this dashboard: its ' +
    'security token is missing or out of date.', instructions: 'Reload the page and submit the form again.' }}>
    <p><a href="/dashboard">Back to the dashboard</a></p>
  </Layout>
), 403)

const notFound = (c: Context) => render(c, (
  <Layout title="Not found" flash={{ error: 'There is nothing here, or your API key does not reach it.' }}>
    <p><a href="/dashboard">Back to the dashboard</a></p>
  </Layout>
), 404)

/** Mounted at `/dashboard` by api/app.ts. */
export function createDashboardApp(ctx: AdapterContext, facebookApp?: FacebookApp): Hono {
  const sessions = new DashboardSessions(ctx.store)
  const deps: DashboardDeps = { ctx, sessions, flows: new LoginFlows(ctx.clock), facebookApp }
  const hub = new ChangeHub(() => ctx.store.overview.changeCount())
  const app = new Hono()
  app.use('*', csrfProtection({ cookie: 'adapter_dashboard', refuse: refused }))

  app.get('/login', (c) => render(c, (
    <Layout title="Log in" flash={flashOf(c)} loggedIn={false}>
      <section class="card" aria-labelledby="login-title">
        <h2 id="login-title">Log in with an API key</h2>
        <p>An app's key shows that app; the account key shows every app.</p>
        <form method="post" action={LOGIN_PATH} class="login" id="login-form">
          <input type="hidden" name="next" value={backPath(c.req.query('next'), '/dashboard')} />
          <CsrfField />
          <label for="key-id">API key id</label>
          <input type="text" id="key-id" name="keyId" autocomplete="username" required />
          <label for="key-secret">Secret</label>
          <input type="password" id="key-secret" name="secret" autocomplete="current-password" required />
          <button type="submit" class="primary" id="log-in">Log in</button>
        </form>
      </section>
    </Layout>
  )))
  app.post('/login', async (c) => {
    const { form } = await readForm(c)
    const next = backPath(form.next, '/dashboard')
    if (!sessions.logIn(c, form.keyId ?? '', form.secret ?? '')) {
      return c.redirect(withFlash(`${LOGIN_PATH}?${new URLSearchParams({ next })}`, { error: 'Wrong API key id or secret' }), 303)
    }
    return c.redirect(next.startsWith('/dashboard') ? next : '/dashboard', 303)
  })
  app.post('/logout', (c) => {
    sessions.logOut(c)
    return c.redirect(withFlash(LOGIN_PATH, { notice: 'Logged out' }), 303)
  })

  app.use('*', sessions.required())
  app.get('/events', (c) => hub.stream(c))
  app.get('/', (c) => {
    const p = c.get('dashboardSession').principal
    return c.redirect(p.scope === 'app' ? `${appPath(p.appId)}/integrations` : '/dashboard/apps', 303)
  })
  app.get('/apps', (c) => {
    const session = c.get('dashboardSession')
    const apps = ctx.store.apps.list().filter((a) => reaches(session, a.id))
    return render(c, (
      <Layout title="Apps" flash={flashOf(c)} active="/dashboard/apps">
        <section class="card" aria-labelledby="apps-title">
          <h2 id="apps-title">Apps your key reaches</h2>
          <ul id="apps">{apps.map((a) => (
            <li><a href={`${appPath(a.id)}/integrations`} id={`app-${a.id}`}>{a.displayName}</a> <code class="muted">{a.id}</code></li>
          ))}</ul>
        </section>
      </Layout>
    ))
  })
  // An app key sees its own app only; another app, or one that does not exist, is not found.
  app.use('/apps/:appId/*', async (c, next) => {
    const appId = c.req.param('appId')
    if (!reaches(c.get('dashboardSession'), appId) || !ctx.store.apps.get(appId)) return notFound(c)
    await next()
  })
  for (const routes of [connectRoutes, integrationsRoutes, conversationsRoutes, webhooksRoutes]) app.route('/', routes(deps))
  app.notFound(notFound)
  return app
}
