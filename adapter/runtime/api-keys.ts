/**
 * Whose API key a key id and secret are (conversations-api.md §1.2): an app's key reaches that app, the account's key
 * every app. Secrets are compared in constant time. Used by the API's Basic authentication and the dashboard's login.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Store } from '../store/store.js'

/** Who the credentials say is calling: an app's key reaches that app, the account's key every app (§1.2). */
export type Principal =
  | { scope: 'app'; keyId: string; appId: string }
  | { scope: 'account'; keyId: string }
  /**
   * v1.1 only: a JWT signed with an app key for one end user, `{ scope: "appUser", userId }` (conversations-api.md
   * §1.4, §18); it reaches that user's own appUser and messages.
   */
  | { scope: 'appUser'; keyId: string; appId: string; userId: string }

const digest = (s: string) => createHash('sha256').update(s).digest()
const sameSecret = (given: string, expected: string) => timingSafeEqual(digest(given), digest(expected))

/** `Authorization: Basic base64(keyId:secret)`, or undefined when the header is not that. */
export function credentialsFrom(header: string | undefined): { keyId: string; secret: string } | undefined {
  const m = header?.match(/^Basic\s+(.+)$/i)
  if (!m) return undefined
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  return { keyId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

/** The principal of a key whose secret matches; undefined for an unknown key or a wrong secret. */
export function principalOfKey(store: Store, keyId: string, secret: string): Principal | undefined {
  const appKey = store.apps.getKey(keyId)
  if (appKey) return sameSecret(secret, appKey.secret) ? { scope: 'app', keyId: appKey.id, appId: appKey.appId } : undefined
  const accountKey = store.apps.getAccountKey(keyId)
  return accountKey && sameSecret(secret, accountKey.secret) ? { scope: 'account', keyId: accountKey.id } : undefined
}
