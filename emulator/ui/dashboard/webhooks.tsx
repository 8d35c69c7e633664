/**
 * The webhook log: every delivery the emulator owes an app (the outbox, DESIGN principle 5), newest first, with its
 * attempts, status, the exact headers and body sent, and a button to deliver it again
 * (`POST /_emulator/deliveries/{id}/redeliver`). Filterable by status and app, like `GET /_emulator/deliveries`; the
 * newest 200 are shown.
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import type { ControlClient } from '../../control/client.js'
import type { DeliveryFilter, DeliveryStatus, DeliveryView } from '../../control/types.js'
import { act, backPath, readForm } from './actions.js'
import { Layout, PostButton, flashOf, render } from './layout.js'

const PATH = '/dashboard/webhooks'
const STATUSES: DeliveryStatus[] = ['pending', 'delivered', 'failed']
/** The newest deliveries shown: after a load test the log holds hundreds of thousands, each with its batch's body. */
const SHOWN = 200
const BADGE: Record<DeliveryStatus, string> = { pending: 'badge warn', delivered: 'badge ok', failed: 'badge bad' }

const Delivery: FC<{ d: DeliveryView; back: string }> = ({ d, back }) => (
  <details class="card" id={`delivery-${d.id}`} data-status={d.status}>
    <summary>
      <strong>#{d.id}</strong> <code>{d.field}</code> · app <code>{d.appId}</code> → page <code>{d.pageId}</code> ·{' '}
      <span class={BADGE[d.status]}>{d.status}</span> · {d.attempts.length} attempt{d.attempts.length === 1 ? '' : 's'}
      {' '}· <time datetime={d.createdAt}>{d.createdAt}</time>
    </summary>
    <dl class="props">
      <dt>Callback URL</dt><dd><code>{d.callbackUrl ?? '(webhook deleted)'}</code></dd>
      {d.nextAttemptAt && <><dt>Next attempt</dt><dd>{d.nextAttemptAt}</dd></>}
      {d.deliveredAt && <><dt>Delivered</dt><dd>{d.deliveredAt}</dd></>}
      {d.lastError && <><dt>Last error</dt><dd>{d.lastError}</dd></>}
    </dl>
    <h3>Attempts</h3>
    {d.attempts.length === 0 ? <p class="muted">None yet.</p> : (
      <table>
        <thead><tr><th scope="col">#</th><th scope="col">At</th><th scope="col">HTTP status</th>
          <th scope="col">Duration</th><th scope="col">Error</th></tr></thead>
        <tbody>{d.attempts.map((a) => (
          <tr><td>{a.n}</td><td>{a.at}</td><td>{a.httpStatus ?? '–'}</td><td>{a.durationMs} ms</td><td>{a.error ?? ''}</td></tr>
        ))}</tbody>
      </table>
    )}
    <h3>Headers</h3>
    <pre>{Object.entries(d.headers).map(([k, v]) => `${k}: ${v}`).join('\n')}</pre>
    <h3>Body</h3>
    <pre>{JSON.stringify(d.body, null, 2)}</pre>
    <PostButton action={`${PATH}/${d.id}/redeliver`} back={back} id={`redeliver-${d.id}`}>Redeliver</PostButton>
  </details>
)

export function webhooksRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const status = STATUSES.find((s) => s === c.req.query('status'))
    const appId = c.req.query('appId') || undefined
    const filter: DeliveryFilter = { ...(status ? { status } : {}), ...(appId ? { appId } : {}), limit: SHOWN }
    const [world, log] = await Promise.all([client.exportWorld(), client.deliveries(filter)])
    const back = `${PATH}${new URL(c.req.url).search}`
    return render(c, (
      <Layout title="Webhook log" active={PATH} flash={flashOf(c)}>
        <form method="get" action={PATH} class="row card" aria-label="Filter deliveries">
          <label for="filter-status">Status</label>
          <select id="filter-status" name="status" data-autosubmit>
            <option value="">any</option>
            {STATUSES.map((s) => <option value={s} selected={s === status}>{s}</option>)}
          </select>
          <label for="filter-app">App</label>
          <select id="filter-app" name="appId" data-autosubmit>
            <option value="">any</option>
            {world.apps.map((a) => <option value={a.id} selected={a.id === appId}>{a.name}</option>)}
          </select>
          <button type="submit">Filter</button>
          <PostButton action={`${PATH}/run`} back={back} id="run-deliveries">Deliver due now</PostButton>
        </form>
        <div id="deliveries" data-live>
          {log.data.length === 0 && <p class="card muted" id="no-deliveries">No deliveries yet.</p>}
          {log.data.length === SHOWN && (
            <p class="muted" id="deliveries-truncated">The newest {SHOWN} deliveries; <code>GET /_emulator/deliveries</code>
              {' '}lists them all.</p>
          )}
          {[...log.data].reverse().map((d) => <Delivery d={d} back={back} />)}
        </div>
      </Layout>
    ))
  })

  app.post(`${PATH}/run`, async (c) => {
    const { form } = await readForm(c)
    return act(c, backPath(form.back, PATH), 'Due deliveries attempted', () => client.runDeliveries())
  })

  app.post(`${PATH}/:id/redeliver`, async (c) => {
    const { form } = await readForm(c)
    const id = Number(c.req.param('id'))
    return act(c, backPath(form.back, PATH), `Delivery #${c.req.param('id')} queued again`, () => client.redeliver(id))
  })
  return app
}
