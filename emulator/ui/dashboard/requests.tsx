/**
 * The request journal: the Graph calls the emulator answered, newest first, each with what it answered and why
 * (`GET /_emulator/requests`), and the warnings of calls Facebook would have let through silently (a missing
 * messaging_type, a title shown cut): what would surprise a bot's author later, in one place. Secrets arrive redacted
 * from the journal itself.
 */
import { Hono } from 'hono'
import type { FC } from 'hono/jsx'
import type { ControlClient } from '../../control/client.js'
import type { RequestFilter, RequestView } from '../../control/types.js'
import { Layout, flashOf, render } from './layout.js'

const PATH = '/dashboard/requests'
const LIMIT = 100

/** Each warning: its code, what Facebook did silently, and the page that explains it. */
const Warnings: FC<{ r: RequestView }> = ({ r }) => (
  <ul class="warnings">{r.warnings.map((w) => (
    <li data-warning={w.code}>
      <span class="badge warn">{w.code}</span> {w.message}{' '}
      {/^https?:\/\//.test(w.docs) ? <a href={w.docs} target="_blank" rel="noopener noreferrer">docs</a> : w.docs}
    </li>
  ))}</ul>
)

export function requestsRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get(PATH, async (c) => {
    const failedOnly = c.req.query('failed') === '1'
    const warnedOnly = c.req.query('warned') === '1'
    const filter: RequestFilter = { limit: LIMIT }
    const { data } = await client.requests(filter)
    const rows = data.filter((r) => (!failedOnly || r.status >= 400) && (!warnedOnly || r.warnings.length > 0))
    return render(c, (
      <Layout title="Requests" active={PATH} flash={flashOf(c)}>
        <form method="get" action={PATH} class="row card" aria-label="Filter requests">
          <input type="checkbox" id="failed-only" name="failed" value="1" checked={failedOnly} />
          <label for="failed-only">Only failed calls</label>
          <input type="checkbox" id="warned-only" name="warned" value="1" checked={warnedOnly} />
          <label for="warned-only">Only calls with warnings</label>
          <button type="submit">Filter</button>
          <span class="muted">The last {LIMIT} Graph calls, newest first.</span>
        </form>
        <div id="requests" data-live class="card">
          {rows.length === 0 ? <p class="muted" id="no-requests">No Graph calls yet.</p> : (
            <table>
              <thead><tr><th scope="col">At</th><th scope="col">Call</th><th scope="col">Status</th>
                <th scope="col">App / page</th><th scope="col">Why</th></tr></thead>
              <tbody>{rows.map((r) => (
                <tr data-request-id={r.id} data-status={r.status} data-warnings={r.warnings.length || undefined}>
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
                  <td>{r.reason ?? ''}{r.warnings.length > 0 && <Warnings r={r} />}</td>
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
