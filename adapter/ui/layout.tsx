/**
 * The frame of every page of the adapter's dashboard, with the emulator dashboard's markup (lib/): a skip link, the bar
 * with the navigation (landmarks: header, nav, main), the flash message a form left, and the live-refresh script that
 * listens to `/dashboard/events`. Only the colour of the bar differs, so the two are not mistaken for each other.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import { BASE_DASHBOARD_CSS } from '../../lib/dashboard-css.js'
import { liveScript } from '../../lib/live-script.js'
import { CsrfField } from '../../lib/csrf.js'
import { FlashMessages, renderPage } from '../../lib/dashboard-parts.js'
import type { Flash } from '../../lib/forms.js'

export const EVENTS_PATH = '/dashboard/events'
export const LIVE_SCRIPT = liveScript(EVENTS_PATH)
export const ADAPTER_DASHBOARD_CSS = `${BASE_DASHBOARD_CSS}
body > header { background: #03363d; }
ol.steps li { margin: 4px 0; }
.finding { border-left: 4px solid #d93025; padding: 4px 12px; margin: 12px 0; }
.finding.info { border-left-color: #f7b928; }
.thread-log { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.thread-log li { max-width: 70%; padding: 8px 12px; border-radius: 12px; background: #e4e6eb; }
.thread-log li.from-business { align-self: flex-end; background: #d8e8fd; }
.thread-log .meta { font-size: 12px; color: #5b6068; }
form.login { display: grid; gap: 8px; max-width: 420px; }
form.login input { width: 100%; }
`

/** An app's sections; the account key also sees the list of apps. */
export const appNav = (appId: string) => [
  { href: `/dashboard/apps/${appId}/integrations`, label: 'Integrations' },
  { href: `/dashboard/apps/${appId}/conversations`, label: 'Conversations' },
  { href: `/dashboard/apps/${appId}/webhooks`, label: 'Webhooks' },
]

interface LayoutProps {
  title: string
  flash: Flash
  /** The app the page is about (its sections are in the bar), and the active section's href. */
  appId?: string
  active?: string
  /** The login form has no navigation and no log-out button. */
  loggedIn?: boolean
}

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, flash, appId, active, loggedIn = true, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · Messenger adapter`}</title>
      <style dangerouslySetInnerHTML={{ __html: ADAPTER_DASHBOARD_CSS }} />
    </head>
    <body>
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <a class="brand" href="/dashboard">Messenger adapter</a>
        {loggedIn && (
          <nav aria-label="Dashboard">
            <ul>
              <li><a href="/dashboard/apps" aria-current={active === '/dashboard/apps' ? 'page' : undefined}>Apps</a></li>
              {appId && appNav(appId).map((n) => (
                <li><a href={n.href} aria-current={n.href === active ? 'page' : undefined}>{n.label}</a></li>
              ))}
            </ul>
          </nav>
        )}
        {loggedIn && (
          <form method="post" action="/dashboard/logout" class="inline">
            <CsrfField />
            <button type="submit" id="log-out">Log out</button>
          </form>
        )}
      </header>
      <main id="main">
        <h1>{title}</h1>
        <FlashMessages flash={flash} />
        {children}
      </main>
      {loggedIn && <script dangerouslySetInnerHTML={{ __html: LIVE_SCRIPT }} />}
    </body>
  </html>
)

export const render = renderPage

/** A time as people read it, with the exact value for machines. */
export const When: FC<{ at: string | number }> = ({ at }) => {
  const iso = new Date(at).toISOString()
  return <time datetime={iso}>{iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
}
