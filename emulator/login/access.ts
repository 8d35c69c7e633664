/**
 * Access tokens as Graph judges them: which app, account and page a token speaks for, and whether it is still valid
 * (password change 460, app removed 458, expiry 463, malformed 190). `appsecret_proof` is checked here, once, for
 * every endpoint (docs §11). Where a request carries its token is the Graph pipeline's business (graph/app.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { World } from '../world/world.js'
import type { App } from '../world/apps.js'
import type { Account } from '../world/accounts.js'
import type { Token, TokenKind } from '../world/tokens.js'
import { facebookSessionDate, graphError, GraphError } from '../facebook/errors.js'

export interface Access {
  raw: string
  kind: TokenKind
  app: App
  /** The account a user or page token was issued to. */
  account?: Account
  /** The page a page token speaks for. */
  pageId?: string
  /** The stored token; absent for the literal `{app-id}|{app-secret}` form. */
  token?: Token
  /** Permissions granted today by the account to the app (live: revoking one removes it from older tokens). */
  scopes: string[]
}

export function appSecretProof(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex')
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Resolves and validates a token; throws the catalogue error Graph would answer. */
export function authenticate(world: World, raw: string): Access {
  const stored = world.tokens.get(raw)
  if (!stored) return appToken(world, raw)
  const app = world.apps.get(stored.appId)
  if (!app) throw graphError('tokenMalformed')
  if (stored.kind === 'app') return { raw, kind: 'app', app, token: stored, scopes: [] }

  const account = stored.accountId ? world.accounts.get(stored.accountId) : undefined
  if (!account) throw graphError('tokenMalformed')
  if (stored.revoked) throw graphError('tokenAppNotAuthorized', app.id)
  if (stored.sessionEpoch < account.sessionEpoch) throw graphError('tokenPasswordChanged')
  const now = world.clock.nowSeconds()
  if (stored.expiresAt !== null && now >= stored.expiresAt) {
    throw graphError('tokenExpired', facebookSessionDate(stored.expiresAt), facebookSessionDate(now))
  }
  const consent = world.consents.get(app.id, account.id)
  if (!consent) throw graphError('tokenAppNotAuthorized', app.id)
  return {
    raw, kind: stored.kind, app, account, token: stored, scopes: consent.granted,
    ...(stored.pageId ? { pageId: stored.pageId } : {}),
  }
}

/** `{app-id}|{app-secret}` (docs §1.4), or `{app-id}|{secret}` issued by client_credentials (stored, handled above). */
function appToken(world: World, raw: string): Access {
  const m = raw.match(/^(\d+)\|(.+)$/)
  const app = m ? world.apps.get(m[1]!) : undefined
  if (!app || !safeEqual(m![2]!, app.secret)) throw graphError('tokenMalformed')
  return { raw, kind: 'app', app, scopes: [] }
}

/** Checks `appsecret_proof` when given, and requires it for apps with "Require App Secret" on. */
export function checkAppSecretProof(access: Access, proof: string | undefined): void {
  if (proof === undefined) {
    if (access.app.requireProof && access.kind !== 'app') throw graphError('appSecretProofMissing')
    return
  }
  if (!safeEqual(proof.toLowerCase(), appSecretProof(access.raw, access.app.secret))) {
    throw graphError('appSecretProofInvalid')
  }
}

/** The token must be of one of these kinds; Graph answers others as it does a wrong token for the call. */
export function requireKind(access: Access, ...kinds: TokenKind[]): void {
  if (kinds.includes(access.kind)) return
  if (kinds.length === 1 && kinds[0] === 'app') throw graphError('appTokenRequired')
  if (access.kind === 'app') throw graphError('activeTokenForMe')
  throw graphError('permissionsError')
}

export function requireScope(access: Access, scope: string): void {
  if (access.kind === 'app' || access.scopes.includes(scope)) return
  throw scope === 'pages_messaging' ? graphError('requiresPagesMessaging') : graphError('requiresPermission', scope)
}

export { GraphError }
