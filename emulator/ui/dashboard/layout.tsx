/**
 * The frame of every dashboard page: a skip link, the blue bar with the navigation (landmarks: header, nav, main),
 * the flash message a form left, and the live-refresh script. The small pieces pages share are in
 * lib/dashboard-parts.tsx.
 */
import type { Context } from 'hono'
import type { FC, PropsWithChildren } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { DASHBOARD_CSS } from './styles.js'
import { LIVE_SCRIPT } from './live-script.js'
import { CsrfProvider, csrfTokenOf } from './csrf.js'
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
        {flash.notice && <p class="flash notice" role="status" id="flash-notice">{flash.notice}</p>}
        {flash.error && (
          <div class="flash error" role="alert" id="flash-error">
            <strong>{flash.error}</strong>
            {flash.instructions && <p>{flash.instructions}</p>}
          </div>
        )}
        {children}
      </main>
      <script dangerouslySetInnerHTML={{ __html: LIVE_SCRIPT }} />
    </body>
  </html>
)

/** Renders a page as a full HTML document; its forms carry the browser's CSRF token (csrf.tsx). */
export async function render(c: Context, node: JSX.Element, status: 200 | 403 = 200): Promise<Response> {
  const page = <CsrfProvider value={csrfTokenOf(c)}>{node}</CsrfProvider>
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status)
}
