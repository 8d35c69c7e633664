/**
 * Connect Messenger as the seed's "Using the Dashboard" describes: Integrations › Messenger › **Authenticate** sends
 * the browser to Facebook's login dialog for the platform's own Facebook app (the permissions the seed lists); back
 * here, the pages the user token reaches (`/me/accounts`) are listed; **Save** creates the integration as the
 * Integration API does (messenger/connect.ts). A permission unticked under "Choose what you allow" is said on the page
 * picker, and Save then keeps the integration broken (status `error`) with the seed's fix on its status page.
 * **Reconnect** on a status page runs the same login and gives the integration its page's new token.
 */
import { Hono, type Context } from 'hono'
import { Back } from '../../lib/dashboard-parts.js'
import { backPath, flashOf, readForm, withFlash } from '../../lib/forms.js'
import { DASHBOARD_SCOPES, REQUIRED_PERMISSIONS, loginDialogUrl } from '../facebook/login.js'
import { grantOf } from '../messenger/facebook-login.js'
import { connectPage } from '../messenger/connect.js'
import { updateMessengerIntegration } from '../messenger/integration.js'
import { ChannelError } from '../messenger/errors.js'
import { FIXES } from './fixes.js'
import { act, appPath, refusalOf, type DashboardDeps } from './deps.js'
import type { PendingGrant, Purpose } from './login-flows.js'
import { Layout, render } from './layout.js'

export const CALLBACK_PATH = '/dashboard/facebook/callback'

/** The permissions this grant lacks that the integration needs. */
const missingOf = (g: PendingGrant) => REQUIRED_PERMISSIONS.filter((p) => !g.grant.granted.includes(p))

export function connectRoutes(deps: DashboardDeps): Hono {
  const { ctx, flows } = deps
  const app = new Hono()
  const redirectUri = () => `${ctx.publicUrl()}${CALLBACK_PATH}`

  /** To Facebook's login dialog, with a state bound to this browser's session. */
  const toDialog = (c: Context, appId: string, purpose: Purpose, back: string) => {
    const fb = deps.facebookApp
    if (!fb) return c.redirect(withFlash(back, { error: 'The platform\'s Facebook app is not configured (--facebook-app-id)' }), 303)
    const state = flows.start(c.get('dashboardSession').id, appId, purpose)
    return c.redirect(loginDialogUrl(ctx.graph.options.baseUrl, ctx.graph.version, {
      client_id: fb.id, redirect_uri: redirectUri(), state, response_type: 'code', scope: DASHBOARD_SCOPES.join(','),
    }), 303)
  }

  app.post('/apps/:appId/integrations/messenger/authenticate', (c) => {
    const appId = c.req.param('appId')
    return toDialog(c, appId, { kind: 'connect' }, `${appPath(appId)}/integrations`)
  })

  app.post('/apps/:appId/integrations/:id/reconnect', (c) => {
    const appId = c.req.param('appId')
    const row = ctx.store.integrations.get(appId, c.req.param('id'))
    if (row?.type !== 'messenger') return c.notFound()
    return toDialog(c, appId, { kind: 'reconnect', integrationId: row.id }, `${appPath(appId)}/integrations/${row.id}`)
  })

  // Facebook sends the browser back here: `?code=…&state=…`, or `?error=access_denied&…&state=…`.
  app.get(CALLBACK_PATH.replace('/dashboard', ''), async (c) => {
    const session = c.get('dashboardSession')
    const { code, state, error } = c.req.query()
    const run = flows.finish(state, session.id)
    if (!run) {
      return render(c, (
        <Layout title="Facebook Login not recognised" flash={{ error: 'This answer from Facebook belongs to no login ' +
          'started from this browser, or it is older than 15 minutes.', instructions: 'Start again with Authenticate.' }} />
      ), 403)
    }
    const back = run.purpose.kind === 'reconnect'
      ? `${appPath(run.appId)}/integrations/${run.purpose.integrationId}` : `${appPath(run.appId)}/integrations`
    if (error || !code) {
      return c.redirect(withFlash(back, { error: `Facebook Login was cancelled (${error ?? 'no code'}): nothing changed` }), 303)
    }
    let grant
    try {
      grant = await grantOf(ctx.graph, deps.facebookApp!, redirectUri(), code)
    } catch (err) {
      const refusal = refusalOf(err)
      if (refusal === undefined) throw err
      return c.redirect(withFlash(back, { error: `Facebook Login failed: ${refusal}` }), 303)
    }
    const purpose = run.purpose
    if (purpose.kind === 'connect') {
      return c.redirect(`${appPath(run.appId)}/integrations/messenger/pages?grant=${flows.keep(run, grant)}`, 303)
    }
    return act(c, back, async () => {
      const row = ctx.store.integrations.get(run.appId, purpose.integrationId)
      if (row?.type !== 'messenger') return { to: `${appPath(run.appId)}/integrations`, notice: 'The integration was deleted meanwhile' }
      const page = grant.pages.find((p) => p.id === row.config.pageId)
      if (!page) {
        throw new ChannelError('mismatch', `Facebook lists no page ${row.config.pageName} (${row.config.pageId}) for this login: log in ` +
          'as an admin of the page, and allow pages_show_list')
      }
      await updateMessengerIntegration(ctx, row, { pageAccessToken: page.accessToken })
      return { notice: `Reconnected: page ${page.name} has a new page access token` }
    })
  })

  app.get('/apps/:appId/integrations/messenger/pages', async (c) => {
    const appId = c.req.param('appId')
    const pending = flows.grant(c.req.query('grant'), c.get('dashboardSession').id, appId)
    if (!pending) {
      return c.redirect(withFlash(`${appPath(appId)}/integrations`, { error: 'That Facebook Login is over: start again with Authenticate' }), 303)
    }
    const missing = missingOf(pending)
    const back = `${appPath(appId)}/integrations/messenger/pages?grant=${c.req.query('grant')}`
    return render(c, (
      <Layout title="Select your Facebook page" flash={flashOf(c)} appId={appId} active={`${appPath(appId)}/integrations`}>
        {missing.length > 0 && (
          <section class="card finding" id="missing-permissions" aria-labelledby="missing-title">
            <h2 id="missing-title">Broken: Facebook did not grant {missing.join(', ')}</h2>
            <p>Any page saved with this login will be broken: Missing OAuth Permissions.</p>
            <ol class="steps">{FIXES.missing_oauth_permissions.steps.map((s) => <li>{s}</li>)}</ol>
          </section>
        )}
        <section class="card" aria-labelledby="pages-title">
          <h2 id="pages-title">Pages you manage</h2>
          {pending.grant.pages.length === 0 ? (
            <p id="no-pages">Facebook lists no page for this login: log in as an admin of the page
              {pending.grant.granted.includes('pages_show_list') ? '' : ', and allow pages_show_list'}.</p>
          ) : (
            <form method="post" action={`${appPath(appId)}/integrations/messenger/pages`}>
              <Back to={back} />
              <input type="hidden" name="grant" value={c.req.query('grant') ?? ''} />
              <fieldset>
                <legend>Page to connect</legend>
                {pending.grant.pages.map((p, i) => (
                  <div>
                    <input type="radio" name="pageId" value={p.id} id={`page-${p.id}`} checked={i === 0} />
                    <label for={`page-${p.id}`}>{p.name} <code class="muted">{p.id}</code></label>
                    {missing.length > 0 && <span class="badge bad" id={`page-broken-${p.id}`}>broken: missing {missing.join(', ')}</span>}
                  </div>
                ))}
              </fieldset>
              <button type="submit" class="primary" id="save">Save</button>
            </form>
          )}
        </section>
      </Layout>
    ))
  })

  app.post('/apps/:appId/integrations/messenger/pages', async (c) => {
    const appId = c.req.param('appId')
    const { form } = await readForm(c)
    const back = backPath(form.back, `${appPath(appId)}/integrations`)
    const pending = flows.grant(form.grant, c.get('dashboardSession').id, appId)
    const page = pending?.grant.pages.find((p) => p.id === form.pageId)
    if (!pending || !page) {
      return c.redirect(withFlash(pending ? back : `${appPath(appId)}/integrations`,
        { error: pending ? 'Choose one of the pages listed' : 'That Facebook Login is over: start again with Authenticate' }), 303)
    }
    return act(c, back, async () => {
      const row = await connectPage(ctx, appId, {
        pageAccessToken: page.accessToken, appId: deps.facebookApp!.id, appSecret: deps.facebookApp!.secret, displayName: page.name,
      }, { keepBroken: true })
      flows.drop(form.grant!)
      return {
        to: `${appPath(appId)}/integrations/${row.id}`,
        notice: row.status === 'active' ? `Connected page ${page.name}` : `Saved page ${page.name}, but it is broken: see below`,
      }
    })
  })
  return app
}
