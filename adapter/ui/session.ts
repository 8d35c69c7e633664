/**
 * Who is looking at the dashboard: an app's API key or the account key (conversations-api.md §1.2), given once in the
 * login form and then carried by an HttpOnly cookie signed with HMAC-SHA256 under a key that lives as long as the
 * process (lib/form-tokens.ts), or sent with every request as HTTP Basic by scripts. The cookie names the key, not its
 * secret; a deleted key logs its browsers out. Cookies are per host, not per port, so the adapter's names differ from
 * the emulator's.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { FormTokens } from '../../lib/form-tokens.js'
import { credentialsFrom, principalOfKey, type Principal } from '../runtime/api-keys.js'
import type { Store } from '../store/store.js'

const COOKIE = 'adapter_dashboard_login'
export const LOGIN_PATH = '/dashboard/login'

export interface DashboardSession {
  /** Random per login (or per Basic request): Facebook Login flows started here are bound to it. */
  id: string
  principal: Principal
}

declare module 'hono' {
  interface ContextVariableMap {
    dashboardSession: DashboardSession
  }
}

export class DashboardSessions {
  private readonly tokens = new FormTokens()

  constructor(private readonly store: Store) {}

  /** The principal of a key id alone, while that key exists (the cookie was signed when its secret was checked). */
  private principalOf(keyId: string): Principal | undefined {
    const appKey = this.store.apps.getKey(keyId)
    if (appKey) return { scope: 'app', keyId, appId: appKey.appId }
    return this.store.apps.getAccountKey(keyId) ? { scope: 'account', keyId } : undefined
  }

  read(c: Context): DashboardSession | undefined {
    const m = getCookie(c, COOKIE)?.match(/^([0-9a-f]{32})\.([\w-]{1,100})\.([\w-]+)$/)
    if (!m) return undefined
    const [, id, keyId, sig] = m as unknown as [string, string, string, string]
    if (!FormTokens.equal(sig, this.tokens.mac(`${id}.${keyId}`))) return undefined
    const principal = this.principalOf(keyId)
    return principal && { id, principal }
  }

  /** Checks the key and, when it is one, sets the login cookie. */
  logIn(c: Context, keyId: string, secret: string): DashboardSession | undefined {
    const principal = principalOfKey(this.store, keyId, secret)
    if (!principal) return undefined
    const id = FormTokens.sessionId()
    const value = `${id}.${keyId}`
    setCookie(c, COOKIE, `${value}.${this.tokens.mac(value)}`, { path: '/dashboard', httpOnly: true, sameSite: 'Lax' })
    return { id, principal }
  }

  logOut(c: Context): void {
    deleteCookie(c, COOKIE, { path: '/dashboard' })
  }

  /**
   * Pages behind the login: Basic credentials (a script) or the login cookie. Wrong Basic credentials are a 401; a
   * browser without a session is sent to the login form, and back here afterwards.
   */
  required(): MiddlewareHandler {
    return async (c, next) => {
      const header = c.req.header('authorization')
      if (header) {
        const creds = credentialsFrom(header)
        const principal = creds && principalOfKey(this.store, creds.keyId, creds.secret)
        if (!principal) return c.text('Unauthorized: the API key id or secret is wrong', 401)
        // A Basic request has no login to bind a Facebook Login flow to: its key id stands in.
        c.set('dashboardSession', { id: `basic:${principal.keyId}`, principal })
        return next()
      }
      const session = this.read(c)
      if (!session) {
        const url = new URL(c.req.url)
        return c.redirect(`${LOGIN_PATH}?${new URLSearchParams({ next: `${url.pathname}${url.search}` })}`, 303)
      }
      c.set('dashboardSession', session)
      await next()
    }
  }
}

/** Whether the session may see this app: an app key its own app only, the account key every app. */
export function reaches(session: DashboardSession, appId: string): boolean {
  return session.principal.scope === 'account' || session.principal.appId === appId
}
