/**
 * How Facebook hands out tokens: user tokens from the login dialog, the JS SDK or Graph API Explorer, long-lived
 * exchanges, page tokens derived from a user token (or from the app dashboard's Token Generation) and app tokens.
 * Lifetimes follow docs §1.2–§1.5: a page token derived from a short-lived user token dies with it; one derived from
 * a long-lived user token never expires.
 */
import type { World } from '../world/world.js'
import type { Token, TokenSource } from '../world/tokens.js'
import { LIMITS } from '../facebook/limits.js'
import { TOKEN_GENERATION_SCOPES } from './permissions.js'
import { grant } from './grants.js'

export type Lifetime = 'short' | 'long'

export function issueUserToken(world: World, appId: string, accountId: string, source: TokenSource,
  lifetime: Lifetime): Token {
  const account = world.accounts.get(accountId)
  if (!account) throw new Error(`No account ${accountId}`)
  const now = world.clock.nowSeconds()
  const seconds = (lifetime === 'short' ? LIMITS.shortLivedUserTokenSeconds : LIMITS.longLivedUserTokenSeconds).value
  return world.tokens.insert({
    token: world.ids.accessToken(), kind: 'user', appId, accountId, pageId: null, sessionEpoch: account.sessionEpoch,
    issuedAt: now, expiresAt: now + seconds, source,
  })
}

/** Whether a user token counts as long-lived for the page tokens derived from it. */
export function isLongLived(token: Token): boolean {
  return token.expiresAt === null || token.expiresAt - token.issuedAt > LIMITS.shortLivedUserTokenSeconds.value
}

/**
 * The page token a user token yields for a page (docs §1.5). The same token is given again while it is valid, as
 * Facebook does, so `/me/accounts` does not mint a token per call.
 */
export function pageTokenFor(world: World, userToken: Token, pageId: string): Token {
  const expiresAt = isLongLived(userToken) ? null : userToken.expiresAt
  const existing = world.tokens.findPageToken(userToken.appId, userToken.accountId!, pageId, userToken.sessionEpoch,
    expiresAt)
  if (existing) return existing
  return world.tokens.insert({
    token: world.ids.accessToken(), kind: 'page', appId: userToken.appId, accountId: userToken.accountId, pageId,
    sessionEpoch: userToken.sessionEpoch, issuedAt: world.clock.nowSeconds(), expiresAt, source: 'accounts',
  })
}

/**
 * A page token as the app dashboard's Messenger › Settings › Token Generation gives it (the seed's Quick Start):
 * the developer, an admin of the page, grants the app the Messenger permissions for that page; the token never
 * expires.
 */
export function generatePageToken(world: World, appId: string, accountId: string, pageId: string): Token {
  return world.tx(() => {
    const account = world.accounts.get(accountId)
    if (!account) throw new Error(`No account ${accountId}`)
    grant(world, appId, accountId, TOKEN_GENERATION_SCOPES, [pageId])
    return world.tokens.insert({
      token: world.ids.accessToken(), kind: 'page', appId, accountId, pageId, sessionEpoch: account.sessionEpoch,
      issuedAt: world.clock.nowSeconds(), expiresAt: null, source: 'token_generation',
    })
  })
}

/** `grant_type=client_credentials`: `{app-id}|{secret}`, never expires (docs §1.4). */
export function issueAppToken(world: World, appId: string): Token {
  return world.tokens.insert({
    token: `${appId}|${world.ids.appTokenSecret()}`, kind: 'app', appId, accountId: null, pageId: null, sessionEpoch: 0,
    issuedAt: world.clock.nowSeconds(), expiresAt: null, source: 'client_credentials',
  })
}
