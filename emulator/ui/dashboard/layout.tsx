/**
 * The frame of every dashboard page: a skip link, the blue bar with the navigation (landmarks: header, nav, main),
 * the flash message a form left, and the live-refresh script. The small pieces pages share are in
 * lib/dashboard-parts.tsx.
 */
import type { FC, PropsWithChildren } from 'hono/jsx'
import { DASHBOARD_CSS } from './styles.js'
import { LIVE_SCRIPT } from './live-script.js'
import { FlashMessages, renderPage } from '../../../lib/dashboard-parts.js'
import type { Flash } from '../../../lib/forms.js'

export { flashOf, type Flash } from '../../../lib/forms.js'
export { Back, Named, PostButton, Secret } from '../../../lib/dashboard-parts.js'

export const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/dashboard/messenger', label: 'Messenger' },
  { href: '/dashboard/apps', label: 'Apps' },
  { href: '/dashboard/pages', label: 'Pages' },
  { href: '/dashboard/accounts', label: 'Accounts' },
  { href: '/dashboard/faults', label: 'Faults' },
  { href: '/dashboard/webhooks', label: 'Webhook log' },
  { href: '/dashboard/requests', label: 'Requests' },
] as const

interface LayoutProps { title: string; active: string; flash: Flash }

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, active, flash, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · Messenger Emulator`}</title>
      <style dangerouslySetInnerHTML={{ __html: DASHBOARD_CSS }} />
    </head>
    <body>
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <a class="brand" href="/">Messenger Emulator</a>
        <nav aria-label="Dashboard">
          <ul>
            {NAV.map((n) => (
              <li><a href={n.href} aria-current={n.href === active ? 'page' : undefined}>{n.label}</a></li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main">
        <h1>{title}</h1>
        <FlashMessages flash={flash} />
        {children}
      </main>
      <script dangerouslySetInnerHTML={{ __html: LIVE_SCRIPT }} />
    </body>
  </html>
)

export const render = renderPage
