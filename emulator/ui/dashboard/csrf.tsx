/** The emulator dashboard's CSRF protection: lib/csrf.tsx with the emulator's cookie. */
import type { Context, MiddlewareHandler } from 'hono'
import { csrfProtection } from '../../../lib/csrf.js'

export { CSRF_FIELD, CsrfField, CsrfProvider, csrfTokenOf } from '../../../lib/csrf.js'

export function dashboardCsrf(refuse: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return csrfProtection({ cookie: 'emu_dashboard', refuse })
}
