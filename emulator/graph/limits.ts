/**
 * Facebook's limits and durations, each with its source. Handlers use these names, never the numbers.
 */
export const LIMITS = {
  /** Short-lived user tokens (JS SDK, Graph API Explorer) last "about 1–2 hours" (docs §1.2). */
  shortLivedUserTokenSeconds: 2 * 60 * 60,
  /** Long-lived user tokens last about 60 days; Graph answers `expires_in: 5183944` (docs §1.2, §1.3). */
  longLivedUserTokenSeconds: 5183944,
  /** "The code … expires after 10 minutes" (manual login flow). */
  authCodeSeconds: 10 * 60,
  /** `/me/accounts` page size when no `limit` is given (docs §1.5, unverified) and the largest one accepted. */
  accountsDefaultLimit: 25,
  accountsMaxLimit: 500,
  /** Facebook's data-access window for user data: 90 days (docs §1.7). */
  dataAccessSeconds: 90 * 24 * 60 * 60,
} as const

export const LIMIT_SOURCES: Record<keyof typeof LIMITS, string> = {
  shortLivedUserTokenSeconds: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens',
  longLivedUserTokenSeconds: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived',
  authCodeSeconds: 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow',
  accountsDefaultLimit: 'https://developers.facebook.com/docs/graph-api/results',
  accountsMaxLimit: 'https://developers.facebook.com/docs/graph-api/reference/user/accounts/ (the seed uses limit=500)',
  dataAccessSeconds: 'https://developers.facebook.com/docs/graph-api/reference/debug_token',
}
