/**
 * The frame of every page of the adapter's dashboard: the emulator dashboard's (lib/dashboard-parts.tsx `Frame`), with
 * the app's sections in the bar, a log-out button, and the live-refresh script listening to `/dashboard/events`. Only
 * the colour of the bar differs, so the two dashboards are not mistaken for each other.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import { BASE_DASHBOARD_CSS } from '../../lib/dashboard-css.js'
import { liveScript } from '../../lib/live-script.js'
import { CsrfField } from '../../lib/csrf.js'
import { Frame, renderPage } from '../../lib/dashboard-parts.js'
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
  <Frame documentTitle={`${title} · Messenger adapter`} title={title} css={ADAPTER_DASHBOARD_CSS}
    script={loggedIn ? LIVE_SCRIPT : undefined} brand={{ href: '/dashboard', label: 'Messenger adapter' }}
    nav={loggedIn ? [{ href: '/dashboard/apps', label: 'Apps' }, ...(appId ? appNav(appId) : [])] : []} active={active}
    tools={loggedIn ? (
      <form method="post" action="/dashboard/logout" class="inline">
        <CsrfField />
        <button type="submit" id="log-out">Log out</button>
      </form>
    ) : undefined} flash={flash}>
    {children}
  </Frame>
)

export const render = renderPage

/** A time as people read it, with the exact value for machines. */
export const When: FC<{ at: string | number }> = ({ at }) => {
  const iso = new Date(at).toISOString()
  return <time datetime={iso}>{iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>
}
