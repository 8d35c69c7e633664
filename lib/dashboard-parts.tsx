/**
 * The small pieces both dashboards' pages share: how a page is rendered (with its forms' CSRF token), the flash message
 * a form left, a secret shown only on request, the hidden fields of a form (where it goes back to, its CSRF token), a
 * one-button form, and a name with its id.
 */
import type { Context } from 'hono'
import type { FC, PropsWithChildren } from 'hono/jsx'
import type { JSX } from 'hono/jsx/jsx-runtime'
import { CsrfField, CsrfProvider, csrfTokenOf } from './csrf.js'
import type { Flash } from './forms.js'

export interface NavLink { href: string; label: string }

interface FrameProps {
  /** The document's title (the page's and the product's). */
  documentTitle: string
  /** The page's heading. */
  title: string
  css: string
  /** The live-refresh script (lib/live-script.ts); none on a page that must not refresh. */
  script?: string | undefined
  brand: NavLink
  nav: readonly NavLink[]
  /** The href of the current page's entry in `nav`. */
  active?: string | undefined
  /** What the bar holds after the navigation (a log-out button). */
  tools?: JSX.Element | undefined
  flash: Flash
}

/**
 * The frame of every page of both dashboards: a skip link, the bar with the navigation (landmarks: header, nav,
 * main), the page's heading, the flash message a form left, and the live-refresh script.
 */
export const Frame: FC<PropsWithChildren<FrameProps>> = (p) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{p.documentTitle}</title>
      <style dangerouslySetInnerHTML={{ __html: p.css }} />
    </head>
    <body>
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <a class="brand" href={p.brand.href}>{p.brand.label}</a>
        {p.nav.length > 0 && (
          <nav aria-label="Dashboard">
            <ul>
              {p.nav.map((n) => (
                <li><a href={n.href} aria-current={n.href === p.active ? 'page' : undefined}>{n.label}</a></li>
              ))}
            </ul>
          </nav>
        )}
        {p.tools}
      </header>
      <main id="main">
        <h1>{p.title}</h1>
        <FlashMessages flash={p.flash} />
        {p.children}
      </main>
      {p.script && <script dangerouslySetInnerHTML={{ __html: p.script }} />}
    </body>
  </html>
)

/** Renders a page as a full HTML document; its forms carry the browser's CSRF token (csrf.tsx). */
export async function renderPage(c: Context, node: JSX.Element, status: 200 | 403 | 404 = 200): Promise<Response> {
  const page = <CsrfProvider value={csrfTokenOf(c)}>{node}</CsrfProvider>
  return c.html(`<!DOCTYPE html>${await page.toString()}`, status)
}

/** The notice or error (with what to do) a form's redirect carried (forms.ts `withFlash`). */
export const FlashMessages: FC<{ flash: Flash }> = ({ flash }) => (
  <>
    {flash.notice && <p class="flash notice" role="status" id="flash-notice">{flash.notice}</p>}
    {flash.error && (
      <div class="flash error" role="alert" id="flash-error">
        <strong>{flash.error}</strong>
        {flash.instructions && <p>{flash.instructions}</p>}
      </div>
    )}
  </>
)

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
