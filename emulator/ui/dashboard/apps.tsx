/**
 * Apps, as the Facebook developer dashboard shows them: id and secret (shown on request), and Messenger › Settings ›
 * Webhooks: callback URL, verify token, the subscribed events with "Edit Events", and "Select a page to subscribe
 * your webhook to the page events" (the seed guide's "Webhook Events Workaround", steps 4–6 and the admin's
 * subscription). The forms call the control API's webhook endpoints (emulator/control/webhooks.ts).
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import type { ControlClient } from '../../control/client.js'
import type { AppWebhookView, CompleteWorldDocument } from '../../control/types.js'
import { PAGE_SUBSCRIPTION_FIELDS } from '../../facebook/webhook-types.js'
import { act, backPath, readForm } from './actions.js'
import { Back, Layout, Named, Secret, flashOf, render } from './layout.js'

const PATH = '/dashboard/apps'
type AppDoc = CompleteWorldDocument['apps'][number]

/** The events the seed guide's workaround ticks (step 5). */
const WORKAROUND_FIELDS: readonly string[] = ['messages', 'messaging_postbacks', 'messaging_optins', 'message_reads',
  'messaging_referrals']

/** Messenger's events (messages, message_*, messaging_*, standby) first; the other page fields fold away. */
const isMessengerEvent = (f: string) => f.startsWith('messag') || f === 'standby'

const EditEvents: FC<{ appId: string; fields: string[] }> = ({ appId, fields }) => (
  <details id={`edit-events-${appId}`}>
    <summary>Edit Events</summary>
    <form method="post" action={`${PATH}/${appId}/webhook/fields`}>
      <Back to={PATH} />
      <fieldset>
        <legend>Messenger events</legend>
        <div class="checks">
          {PAGE_SUBSCRIPTION_FIELDS.filter(isMessengerEvent)
            .map((f) => <EventBox appId={appId} field={f} checked={fields.includes(f)} />)}
        </div>
      </fieldset>
      <details>
        <summary>Other page events</summary>
        <div class="checks">
          {PAGE_SUBSCRIPTION_FIELDS.filter((f) => !isMessengerEvent(f))
            .map((f) => <EventBox appId={appId} field={f} checked={fields.includes(f)} />)}
        </div>
      </details>
      <p class="muted">The seed guide's workaround ticks {WORKAROUND_FIELDS.join(', ')}.</p>
      <button type="submit" class="primary" id={`save-events-${appId}`}>Save</button>
    </form>
  </details>
)

const EventBox: FC<{ appId: string; field: string; checked: boolean }> = ({ appId, field, checked }) => (
  <div>
    <input type="checkbox" name="fields" value={field} id={`event-${appId}-${field}`} checked={checked} />
    <label for={`event-${appId}-${field}`}>{field}</label>
  </div>
)

const Webhooks: FC<{ app: AppDoc; hook: AppWebhookView; world: CompleteWorldDocument }> = ({ app, hook, world }) => {
  const pageName = (id: string) => world.pages.find((p) => p.id === id)?.name ?? id
  if (!app.webhook) {
    return <p class="muted" id={`no-webhook-${app.id}`}>No webhook yet. The integration creates it with
      POST /{'{app-id}'}/subscriptions (object=page, callback_url, verify_token, fields).</p>
  }
  return (
    <>
      <dl class="props" id={`webhook-${app.id}`} data-live>
        <dt>Callback URL</dt><dd><code>{hook.callbackUrl}</code></dd>
        <dt>Verify token</dt><dd><Secret value={app.webhook.verifyToken ?? ''} label="verify token" id={`show-verify-${app.id}`} /></dd>
        <dt>Status</dt><dd>{hook.active ? <span class="badge ok">Active</span> : <span class="badge bad">Inactive</span>}</dd>
        <dt>Events</dt>
        <dd>{hook.fields.length
          ? hook.fields.map((f) => <span class="badge">{f}</span>)
          : <span class="badge bad" id={`no-events-${app.id}`}>No events: nothing is delivered</span>}</dd>
        <dt>Subscribed pages</dt>
        <dd>{hook.subscribedPages.length ? (
          <ul id={`subscribed-pages-${app.id}`}>{hook.subscribedPages.map((s) => (
            <li data-page-id={s.pageId}>{pageName(s.pageId)}: {s.fields.join(', ')}</li>))}</ul>
        ) : <span class="muted">none</span>}</dd>
      </dl>
      <EditEvents appId={app.id!} fields={hook.fields} />
      <form method="post" action={`${PATH}/${app.id}/webhook/pages`} class="row" aria-label="Subscribe a page">
        <Back to={PATH} />
        <span>Select a page to subscribe your webhook to the page events</span>
        <label for={`subscribe-page-${app.id}`} class="sr-only">Page</label>
        <select id={`subscribe-page-${app.id}`} name="pageId">
          {world.pages.map((p) => <option value={p.id}>{p.name}</option>)}
        </select>
        <label for={`subscribe-as-${app.id}`}>as</label>
        <select id={`subscribe-as-${app.id}`} name="accountId">
          {world.accounts.map((a) => <option value={a.id}>{a.name}</option>)}
        </select>
        <button type="submit" id={`subscribe-${app.id}`}>Subscribe</button>
      </form>
    </>
  )
}

export function appsRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const world = await client.exportWorld()
    const hooks = await Promise.all(world.apps.map((a) => client.appWebhook(a.id!)))
    return render(c, (
      <Layout title="Apps" active={PATH} flash={flashOf(c)}>
        {world.apps.length === 0 && <p class="card">No apps in this world.</p>}
        {world.apps.map((a, i) => (
          <section class="card" aria-labelledby={`app-${a.id}`} data-app-id={a.id}>
            <h2 id={`app-${a.id}`}><Named name={a.name} id={a.id!} /></h2>
            <dl class="props">
              <dt>App ID</dt><dd><code>{a.id}</code></dd>
              <dt>App secret</dt><dd><Secret value={a.secret!} label="app secret" id={`show-secret-${a.id}`} /></dd>
              <dt>Require app secret</dt><dd>{a.requireAppSecretProof ? 'Yes' : 'No'}</dd>
              <dt>Valid OAuth Redirect URIs</dt>
              <dd id={`redirect-uris-${a.id}`}>{a.oauthRedirectUris?.length
                ? a.oauthRedirectUris.map((uri) => <code>{uri}</code>).reduce((list, uri) => <>{list}, {uri}</>)
                : <span class="muted">none: any http(s) redirect_uri</span>}</dd>
            </dl>
            <h3>Messenger › Settings › Webhooks</h3>
            <Webhooks app={a} hook={hooks[i]!} world={world} />
          </section>
        ))}
      </Layout>
    ))
  })

  app.post(`${PATH}/:appId/webhook/fields`, async (c) => {
    const { form, all } = await readForm(c)
    return act(c, backPath(form.back, PATH), 'Events saved',
      () => client.setWebhookFields(c.req.param('appId'), all('fields')))
  })

  app.post(`${PATH}/:appId/webhook/pages`, async (c) => {
    const { form } = await readForm(c)
    return act(c, backPath(form.back, PATH), 'Page subscribed',
      () => client.subscribeWebhookPage(c.req.param('appId'), form.pageId ?? '', form.accountId ?? ''))
  })
  return app
}
