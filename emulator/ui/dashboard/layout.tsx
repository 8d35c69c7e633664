/**
 * The frame of every dashboard page: a skip link, the blue bar with the navigation (landmarks: header, nav, main),
 * the flash message a form left, and the live-refresh script. Plus the small pieces pages share: a secret shown only
 * on request, and the hidden fields of a form (where it goes back to, its CSRF token).
 */
import type { Context } from 'hono'
import type { FC, PropsWithChildren } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { DASHBOARD_CSS } from './styles.js'
import { LIVE_SCRIPT } from './live-script.js'
import { CsrfField, CsrfProvider, csrfTokenOf } from './csrf.js'

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

export interface Flash { notice?: string; error?: string; instructions?: string }

/** The flash a redirect after a form carries in its query (`notice`, or `error` and `instructions`). */
export function flashOf(c: Context): Flash {
  const { notice, error, instructions } = c.req.query()
  return { ...(notice ? { notice } : {}), ...(error ? { error } : {}), ...(instructions ? { instructions } : {}) }
}

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

/** A secret (app secret, verify token) masked, with a "Show" disclosure that reveals it only when asked. */
export const Secret: FC<{ value: string; label: string; id: string }> = ({ value, label, id }) => (
  <span>
    <code aria-label={`${label} (hidden)`}>{`${value.slice(0, 4)}${'•'.repeat(8)}`}</code>
    <details class="secret" id={id}>
      <summary>Show<span class="sr-only"> {label}</span></summary>
      <code>{value}</code>
    </details>
  </span>
)

/**
 * The hidden fields of a dashboard form: where it returns to (the page it is on, a path on this server, never another
 * site) and the browser's CSRF token.
 */
export const Back: FC<{ to: string }> = ({ to }) => (
  <><input type="hidden" name="back" value={to} /><CsrfField /></>
)

/** A one-button form: POSTs `fields` to `action` and comes back to `back`. */
export const PostButton: FC<PropsWithChildren<{
  action: string; back: string; fields?: Record<string, string>; id?: string; class?: string
}>> = ({ action, back, fields = {}, id, class: cls, children }) => (
  <form method="post" action={action} class="inline">
    <Back to={back} />
    {Object.entries(fields).map(([k, v]) => <input type="hidden" name={k} value={v} />)}
    <button type="submit" id={id} class={cls}>{children}</button>
  </form>
)

/** A name with its id, as the dashboard lists things. */
export const Named: FC<{ name: string; id: string }> = ({ name, id }) => (
  <>{name} <code class="muted">{id}</code></>
)
