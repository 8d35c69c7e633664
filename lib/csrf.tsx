/**
 * CSRF protection of a dashboard's forms (the emulator's since issue 14, the adapter's), with the emulator login
 * dialog's mechanism (form-tokens.ts): each browser gets a random session id in an HttpOnly cookie the first time it opens a dashboard
 * page, every form carries the token derived from it (`CsrfField`), and a POST without the right token is refused
 * with 403 before it acts. SameSite=Lax keeps the cookie out of another site's POST, and the token out of its reach.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { createContext, useContext, type FC } from 'hono/jsx'
import { FormTokens } from './form-tokens.js'

/** The form field of the token. */
export const CSRF_FIELD = 'csrf'

declare module 'hono' {
  interface ContextVariableMap {
    /** The CSRF token of this browser's dashboard session (csrfProtection). */
    dashboardCsrf: string
  }
}

const CsrfContext = createContext('')

/** Gives the forms rendered inside it the request's token (each dashboard's `render` wraps every page in it). */
export const CsrfProvider = CsrfContext.Provider

/** The hidden field every dashboard form carries. */
export const CsrfField: FC = () => <input type="hidden" name={CSRF_FIELD} value={useContext(CsrfContext)} />

export const csrfTokenOf = (c: Context): string => c.get('dashboardCsrf') ?? ''

/**
 * Sets the browser's session cookie when it has none, refuses a POST whose token is not the session's with `refuse`,
 * and hands the token to the page (`csrfTokenOf`).
 */
export function csrfProtection(options: {
  /** The cookie of the browser's session id (one per server: the emulator and the adapter may share a host). */
  cookie: string
  refuse: (c: Context) => Response | Promise<Response>
}): MiddlewareHandler {
  const tokens = new FormTokens()
  const { cookie, refuse } = options
  return async (c, next) => {
    let id = getCookie(c, cookie)
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      id = FormTokens.sessionId()
      setCookie(c, cookie, id, { path: '/', httpOnly: true, sameSite: 'Lax' })
    }
    c.set('dashboardCsrf', tokens.csrfToken(id))
    if (c.req.method === 'POST') {
      const token = (await c.req.parseBody())[CSRF_FIELD]
      if (!tokens.checkCsrf(id, typeof token === 'string' ? token : undefined)) return refuse(c)
    }
    await next()
  }
}
