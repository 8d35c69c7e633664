/**
 * Integrations (the seed's Integrations tab): the app's integrations with their status, Messenger's Authenticate
 * button, and per Messenger integration its status page: healthy or not, the diagnosis's checks and findings in plain
 * words, each finding with the seed's fix as steps (fixes.ts) and the buttons for what can be done from here.
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import { PostButton } from '../../lib/dashboard-parts.js'
import { flashOf } from '../../lib/forms.js'
import { diagnose, type Check } from '../messenger/diagnosis.js'
import { facebook } from '../messenger/facebook.js'
import { connectPage } from '../messenger/connect.js'
import { deleteMessengerIntegration, graphFailure } from '../messenger/integration.js'
import type { IntegrationRow, MessengerIntegrationRow } from '../store/integrations.js'
import { ACTION_LABELS, fixOf, type FixAction } from './fixes.js'
import { act, appPath, type DashboardDeps } from './deps.js'
import { Layout, When, render } from './layout.js'

/** The checks of the diagnosis, in words. */
const CHECK_NAMES: Record<string, string> = {
  token: 'Page access token', permissions: 'Permissions', app_webhook: "Facebook app's webhook",
  page_subscription: 'Page subscription', eea: 'European privacy rules', content: 'Content delivered',
  webhook_events: 'Events from Messenger',
}
const CHECK_BADGE = { ok: 'badge ok', problem: 'badge bad', unknown: 'badge warn' } as const

export const StatusBadge: FC<{ status: string; id?: string }> = ({ status, id }) => (
  <span id={id} class={status === 'active' ? 'badge ok' : 'badge bad'}>{status === 'error' ? 'error: broken' : status}</span>
)

const Integration: FC<{ i: IntegrationRow }> = ({ i }) => (
  <tr id={`integration-${i.id}`}>
    <td>{i.type === 'messenger' ? 'Messenger' : 'Custom (webhooks)'}</td>
    <td>{i.type === 'messenger'
      ? <a href={`${appPath(i.appId)}/integrations/${i.id}`}>{i.displayName ?? i.config.pageName}</a>
      : <a href={`${appPath(i.appId)}/webhooks`}>{i.displayName ?? i.id}</a>}
      {' '}<code class="muted">{i.id}</code></td>
    <td>{i.type === 'messenger' ? <>page {i.config.pageName} <code class="muted">{i.config.pageId}</code></> : ''}</td>
    <td><StatusBadge status={i.status} id={`status-${i.id}`} /></td>
    <td><When at={i.createdAt} /></td>
  </tr>
)

const Fixes: FC<{ row: MessengerIntegrationRow; actions: FixAction[]; back: string }> = ({ row, actions, back }) => (
  <div class="row">
    {actions.map((a) => (
      <PostButton action={`${appPath(row.appId)}/integrations/${row.id}/${a}`} back={back} id={`fix-${a}`}
        class={a === 'reconnect' ? 'primary' : undefined}>{ACTION_LABELS[a]}</PostButton>
    ))}
  </div>
)

const CheckRow: FC<{ check: Check }> = ({ check }) => (
  <tr id={`check-${check.name}`} data-status={check.status}>
    <th scope="row">{CHECK_NAMES[check.name] ?? check.name}</th>
    <td><span class={CHECK_BADGE[check.status]}>{check.status === 'problem' ? 'problem' : check.status}</span></td>
    <td>{check.detail}</td>
  </tr>
)

export function integrationsRoutes(deps: DashboardDeps): Hono {
  const { ctx } = deps
  const app = new Hono()
  const messengerOf = (appId: string, id: string) => {
    const row = ctx.store.integrations.get(appId, id)
    return row?.type === 'messenger' ? row : undefined
  }

  app.get('/apps/:appId/integrations', (c) => {
    const appId = c.req.param('appId')
    const rows = ctx.store.integrations.list(appId)
    return render(c, (
      <Layout title="Integrations" flash={flashOf(c)} appId={appId} active={`${appPath(appId)}/integrations`}>
        <section class="card" aria-labelledby="messenger-title">
          <h2 id="messenger-title">Facebook Messenger</h2>
          <p>Connect one of your Facebook pages: you log in to Facebook, grant access to your pages, then pick the page
            and save.</p>
          {deps.facebookApp
            ? <PostButton action={`${appPath(appId)}/integrations/messenger/authenticate`} back={`${appPath(appId)}/integrations`}
              id="authenticate" class="primary">Authenticate</PostButton>
            : <p class="flash error" id="no-facebook-app">Authenticate needs the platform's Facebook app: start the adapter
              with <code>--facebook-app-id</code> and <code>--facebook-app-secret</code> (or <code>FACEBOOK_APP_ID</code>
              and <code>FACEBOOK_APP_SECRET</code>). The Integration API works without it.</p>}
        </section>
        <section class="card" aria-labelledby="list-title" id="integrations" data-live>
          <h2 id="list-title">This app's integrations</h2>
          {rows.length === 0 ? <p class="muted" id="no-integrations">None yet.</p> : (
            <table>
              <thead><tr><th scope="col">Channel</th><th scope="col">Name</th><th scope="col">Page</th>
                <th scope="col">Status</th><th scope="col">Created</th></tr></thead>
              <tbody>{rows.map((i) => <Integration i={i} />)}</tbody>
            </table>
          )}
        </section>
      </Layout>
    ))
  })

  app.get('/apps/:appId/integrations/:id', async (c) => {
    const appId = c.req.param('appId')
    const row = messengerOf(appId, c.req.param('id'))
    if (!row) return c.notFound()
    const back = `${appPath(appId)}/integrations/${row.id}`
    const d = await diagnose(ctx, row)
    const title = `Messenger: ${row.displayName ?? row.config.pageName}`
    return render(c, (
      <Layout title={title} flash={flashOf(c)} appId={appId} active={`${appPath(appId)}/integrations`}>
        <section class="card" aria-labelledby="about-title">
          <h2 id="about-title">Integration</h2>
          <dl class="props">
            <dt>Status</dt><dd><StatusBadge status={row.status} id="integration-status" /></dd>
            <dt>Health</dt><dd id="health">{d.healthy
              ? <span class="badge ok">Healthy</span> : <span class="badge bad">Not healthy</span>}</dd>
            <dt>Page</dt><dd>{row.config.pageName} <code class="muted">{row.config.pageId}</code></dd>
            <dt>Facebook app</dt><dd><code>{row.config.fbAppId}</code></dd>
            <dt>Integration id</dt><dd><code>{row.id}</code></dd>
            <dt>Created</dt><dd><When at={row.createdAt} /></dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="findings-title" id="findings">
          <h2 id="findings-title">What is wrong, and how to fix it</h2>
          {d.findings.length === 0 ? <p id="no-findings">Nothing: every check passed.</p> : d.findings.map((f) => {
            const fix = fixOf(f)
            return (
              <article class={fix.info ? 'finding info' : 'finding'} id={`finding-${f.case}`} aria-labelledby={`finding-title-${f.case}`}>
                <h3 id={`finding-title-${f.case}`}>{f.title}</h3>
                <ol class="steps">{fix.steps.map((s) => <li>{s}</li>)}</ol>
                <Fixes row={row} actions={fix.actions} back={back} />
                <p class="muted">Source: {f.source}</p>
              </article>
            )
          })}
          {d.findings.length === 0 && !d.healthy && <Fixes row={row} actions={['reconnect', 'resubscribe', 'recreate']} back={back} />}
        </section>
        <section class="card" aria-labelledby="checks-title">
          <h2 id="checks-title">Checks</h2>
          <table id="checks">
            <thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Detail</th></tr></thead>
            <tbody>{d.checks.map((check) => <CheckRow check={check} />)}</tbody>
          </table>
          {d.rejectedEvents.length > 0 && (
            <>
              <h3>Messenger events the adapter could not read</h3>
              <ul id="rejected-events">{d.rejectedEvents.map((e) => (
                <li><When at={e.at} />: {e.reason} <code>{e.excerpt}</code></li>))}</ul>
            </>
          )}
        </section>
      </Layout>
    ))
  })

  // The seed's "subscribe the page" (Webhook Events Workaround), with the integration's own page token.
  app.post('/apps/:appId/integrations/:id/resubscribe', (c) => {
    const row = messengerOf(c.req.param('appId'), c.req.param('id'))
    if (!row) return c.notFound()
    const back = `${appPath(row.appId)}/integrations/${row.id}`
    return act(c, back, async () => {
      await facebook(ctx.graph, row.config).subscribePage(row.config.pageId).catch((err: unknown) => {
        throw graphFailure(`Subscribing the app to the page (POST /${row.config.pageId}/subscribed_apps)`, err)
      })
      return { notice: `Page ${row.config.pageName} is subscribed to the app again` }
    })
  })

  // Delete, then create with the same page token and Facebook app, as the seed's "delete the integration and re-create
  // it" does through the API; the new integration's page replaces this one's.
  app.post('/apps/:appId/integrations/:id/recreate', (c) => {
    const row = messengerOf(c.req.param('appId'), c.req.param('id'))
    if (!row) return c.notFound()
    const back = `${appPath(row.appId)}/integrations/${row.id}`
    return act(c, back, async () => {
      await deleteMessengerIntegration(ctx, row)
      const created = await connectPage(ctx, row.appId, {
        pageAccessToken: row.config.pageAccessToken, appId: row.config.fbAppId, appSecret: row.config.fbAppSecret,
        displayName: row.displayName ?? undefined,
      }, { keepBroken: true })
      return { to: `${appPath(row.appId)}/integrations/${created.id}`, notice: `Integration re-created as ${created.id}` }
    })
  })
  return app
}
