/**
 * Signed values and CSRF tokens for the pages people use in a browser, under an HMAC-SHA256 key that lives as long
 * as the process: the emulator's login dialog (its session cookie and consent forms), and the forms of both
 * dashboards (lib/csrf.tsx), the adapter's login cookie. A form carries the token of its browser's session, which another site can
 * neither read nor derive, so it cannot submit the form on the person's behalf.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export class FormTokens {
  private readonly key = randomBytes(32)

  /** A new session id: 128 random bits, hex. */
  static sessionId(): string {
    return randomBytes(16).toString('hex')
  }

  mac(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url')
  }

  /** The CSRF token forms of the session `id` carry. */
  csrfToken(id: string): string {
    return this.mac(`csrf.${id}`)
  }

  checkCsrf(id: string, token: string | undefined): boolean {
    return token !== undefined && FormTokens.equal(token, this.csrfToken(id))
  }

  /** Constant-time comparison of two secrets. */
  static equal(a: string, b: string): boolean {
    const x = Buffer.from(a)
    const y = Buffer.from(b)
    return x.length === y.length && timingSafeEqual(x, y)
  }
}
