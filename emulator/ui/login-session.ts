/**
 * The browser's Facebook login, as the dialog needs it: after "Continue as {name}" on the login step, the next dialog
 * goes straight to the consent screen (docs §1.1). Kept in an HttpOnly cookie signed with HMAC-SHA256 under a key that
 * lives as long as the emulator process, so nothing about it is stored in the world.
 *
 * The cookie carries the account's session epoch: a password change (`POST /_emulator/accounts/{id}/password`) logs
 * the browser out as it kills the account's tokens. Forms that change consent carry a CSRF token derived from the
 * session id, so another site cannot submit them on the person's behalf (form-tokens.ts).
 */
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { World } from '../world/world.js'
import type { Account } from '../world/accounts.js'
import { FormTokens } from '../../lib/form-tokens.js'

const COOKIE = 'emu_fb_session'

export interface LoginSession {
  id: string
  account: Account
}

export class LoginSessions {
  private readonly tokens = new FormTokens()

  constructor(private readonly world: World) {}

  /** The logged-in account, if the cookie is genuine and the account's sessions were not invalidated since. */
  read(c: Context): LoginSession | undefined {
    const raw = getCookie(c, COOKIE)
    const m = raw?.match(/^([0-9a-f]{32})\.(\d+)\.(\d+)\.([\w-]+)$/)
    if (!m) return undefined
    const [, id, accountId, epoch, sig] = m as unknown as [string, string, string, string, string]
    if (!FormTokens.equal(sig, this.tokens.mac(`${id}.${accountId}.${epoch}`))) return undefined
    const account = this.world.accounts.get(accountId)
    if (!account || account.sessionEpoch !== Number(epoch)) return undefined
    return { id, account }
  }

  logIn(c: Context, account: Account): LoginSession {
    const id = FormTokens.sessionId()
    const value = `${id}.${account.id}.${account.sessionEpoch}`
    setCookie(c, COOKIE, `${value}.${this.tokens.mac(value)}`, { path: '/', httpOnly: true, sameSite: 'Lax' })
    return { id, account }
  }

  /** The CSRF token forms of this session carry. */
  csrfToken(session: LoginSession): string {
    return this.tokens.csrfToken(session.id)
  }

  checkCsrf(session: LoginSession, token: string | undefined): boolean {
    return this.tokens.checkCsrf(session.id, token)
  }
}
