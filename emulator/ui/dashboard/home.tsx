/**
 * The dashboard's start page at `/`: where Graph, the control API and the SDK are, what the world holds, and the
 * emulator's clock (advanced like `POST /_emulator/clock`, to test the 24-hour window and token expiry).
 */
import { Hono } from 'hono'
import type { ControlClient } from '../../control/client.js'
import { act, backPath, readForm } from './actions.js'
import { Back, Layout, NAV, flashOf, render } from './layout.js'

export function homeRoutes(client: ControlClient): Hono {
  const app = new Hono()

  app.get('/', async (c) => {
    const origin = new URL(c.req.url).origin
    const [world, clock] = await Promise.all([client.exportWorld(), client.clock()])
    return render(c, (
      <Layout title="Overview" active="/" flash={flashOf(c)}>
        <section class="card" aria-labelledby="endpoints">
          <h2 id="endpoints">Endpoints</h2>
          <dl class="props">
            <dt>Graph API</dt><dd><code id="graph-url">{origin}/v21.0/</code></dd>
            <dt>Login dialog</dt><dd><code>{origin}/v21.0/dialog/oauth?client_id=…&amp;redirect_uri=…</code></dd>
            <dt>JavaScript SDK</dt><dd><code>{`<script src="${origin}/sdk.js"></script>`}</code></dd>
            <dt>Control API</dt><dd><a href="/_emulator/world"><code>{origin}/_emulator/</code></a></dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="world-title" id="world-summary" data-live>
          <h2 id="world-title">The world</h2>
          <ul>
            <li><a href="/dashboard/apps">{world.apps.length} apps</a></li>
            <li><a href="/dashboard/accounts">{world.accounts.length} accounts</a></li>
            <li><a href="/dashboard/pages">{world.pages.length} pages</a></li>
            <li><a href="/dashboard/messenger">{world.people.length} people on Messenger</a></li>
          </ul>
        </section>
        <section class="card" aria-labelledby="clock-title">
          <h2 id="clock-title">Clock</h2>
          <p id="clock" data-live>Emulated now: <time datetime={clock.now}>{clock.now}</time>
            {clock.offsetSeconds !== 0 && ` (${clock.offsetSeconds} s ahead of real time)`}</p>
          <form method="post" action="/dashboard/clock" class="inline">
            <Back to="/" />
            <label for="advance-seconds">Advance by (seconds)</label>
            <input type="number" id="advance-seconds" name="advanceSeconds" value="3600" step="1" />
            <button type="submit" id="advance-clock">Advance</button>
          </form>
        </section>
        <nav class="card" aria-label="Sections">
          <h2>Sections</h2>
          <ul>{NAV.filter((n) => n.href !== '/').map((n) => <li><a href={n.href}>{n.label}</a></li>)}</ul>
        </nav>
      </Layout>
    ))
  })

  app.post('/dashboard/clock', async (c) => {
    const { form } = await readForm(c)
    return act(c, backPath(form.back, '/'), 'Clock advanced',
      () => client.advanceClock(Number(form.advanceSeconds ?? '')))
  })
  return app
}
