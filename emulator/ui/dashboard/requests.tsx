/**
 * The request journal: the Graph calls the emulator answered, newest first, each with what it answered and why
 * (`GET /_emulator/requests`); secrets arrive redacted from the journal itself.
 */
import { Hono } from 'hono'
import type { ControlClient } from '../../control/client.js'
import type { RequestFilter } from '../../control/types.js'
import { Layout, flashOf, render } from './layout.js'

const PATH = '/dashboard/requests'
const LIMIT = 100

export function requestsRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const failedOnly = c.req.query('failed') === '1'
    const filter: RequestFilter = { limit: LIMIT }
    const { data } = await client.requests(filter)
    const rows = failedOnly ? data.filter((r) => r.status >= 400) : data
    return render(c, (
      <Layout title="Requests" active={PATH} flash={flashOf(c)}>
        <form method="get" action={PATH} class="row card" aria-label="Filter requests">
          <input type="checkbox" id="failed-only" name="failed" value="1" checked={failedOnly} />
          <label for="failed-only">Only failed calls</label>
          <button type="submit">Filter</button>
          <span class="muted">The last {LIMIT} Graph calls, newest first.</span>
        </form>
        <div id="requests" data-live class="card">
          {rows.length === 0 ? <p class="muted" id="no-requests">No Graph calls yet.</p> : (
            <table>
              <thead><tr><th scope="col">At</th><th scope="col">Call</th><th scope="col">Status</th>
                <th scope="col">App / page</th><th scope="col">Why</th></tr></thead>
              <tbody>{rows.map((r) => (
                <tr data-request-id={r.id} data-status={r.status}>
                  <td><time datetime={r.at}>{r.at.slice(11, 19)}</time></td>
                  <td>
                    <details>
                      <summary><code>{r.method} {r.version ? `/${r.version}` : ''}{r.path}</code></summary>
                      <pre>{JSON.stringify({ params: r.params, error: r.error, fbtrace_id: r.fbtraceId,
                        tokenKind: r.tokenKind, nearestPath: r.nearestPath, durationMs: r.durationMs }, null, 2)}</pre>
                    </details>
                  </td>
                  <td><span class={r.status < 400 ? 'badge ok' : 'badge bad'}>{r.status}</span></td>
                  <td><code>{r.appId ?? '–'}</code> / <code>{r.pageId ?? '–'}</code></td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </div>
      </Layout>
    ))
  })
  return app
}
