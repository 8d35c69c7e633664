/**
 * JWT authentication (conversations-api.md §1.4): `Authorization: Bearer <jwt>`, header `{ alg: "HS256", kid: <key
 * id> }`, signed with that key's secret, payload `{ scope: "app" }` for an app key or `{ scope: "account" }` for an
 * account key ("a scope claim must be added to the JWT payload which matches the scope of the API key being used",
 * https://developer.zendesk.com/documentation/conversations/getting-started/api-authentication). Verified with jose:
 * HS256 only, so `alg: none` and every other algorithm are refused; `exp` and `nbf` are honoured when present.
 * The v1.1 API also takes an app key's JWT for one end user, `{ scope: "appUser", userId: "<string>" }` ("userId must
 * be a string", conversations-api.md §1.4); v2 does not ("A user scope exists for SDK user auth but is not accepted by
 * the v2 API", §1.2), so it is refused there by name.
 */
import { errors, jwtVerify } from 'jose'
import type { Store } from '../store/store.js'
import type { Principal } from './env.js'
import { apiError, type ApiError } from './errors.js'

const invalid = (why: string): ApiError => apiError('unauthorized', `Invalid JWT: ${why}`)

export interface JwtOptions {
  /** The v1.1 API: `scope: "appUser"` JWTs signed with an app key are taken. */
  appUser?: boolean
}

export async function principalFromJwt(store: Store, token: string, options: JwtOptions = {}): Promise<Principal> {
  let principal: Principal | undefined
  try {
    const { payload } = await jwtVerify(token, (header) => {
      const kid = header.kid
      if (!kid) throw invalid('the header has no kid (the API key id)')
      const appKey = store.apps.getKey(kid)
      const accountKey = appKey ? undefined : store.apps.getAccountKey(kid)
      if (!appKey && !accountKey) throw invalid(`no API key has the id ${kid}`)
      principal = appKey ? { scope: 'app', keyId: kid, appId: appKey.appId } : { scope: 'account', keyId: kid }
      return new TextEncoder().encode((appKey ?? accountKey)!.secret)
    }, { algorithms: ['HS256'] })
    if (payload.scope === 'appUser' && principal!.scope === 'app') {
      if (!options.appUser) throw invalid('appUser-scoped JWTs are for the v1.1 API and SDKs; the v2 API does not take them')
      if (typeof payload.userId !== 'string' || payload.userId === '') throw invalid('the appUser scope needs a userId claim, a string')
      return { scope: 'appUser', keyId: principal!.keyId, appId: principal!.appId, userId: payload.userId }
    }
    if (payload.scope !== principal!.scope) {
      throw invalid(`the scope claim must be "${principal!.scope}" for this ${principal!.scope} key (got ${JSON.stringify(payload.scope ?? null)})`)
    }
    return principal!
  } catch (err) {
    throw describe(err)
  }
}

/** jose's failures in words; the token itself is never repeated. */
function describe(err: unknown): unknown {
  if (err instanceof errors.JWSSignatureVerificationFailed) return invalid('the signature does not match the key\'s secret')
  if (err instanceof errors.JOSEAlgNotAllowed) return invalid('only HS256 is accepted')
  if (err instanceof errors.JWTExpired) return invalid('it has expired')
  if (err instanceof errors.JWTClaimValidationFailed) return invalid(err.message)
  if (err instanceof errors.JOSEError) return invalid('it is not a well-formed HS256 JWT')
  return err
}
