/**
 * `/oauth/access_token` (docs §1.2–§1.4): the authorization-code exchange, `fb_exchange_token` for a long-lived
 * user token and `client_credentials` for an app token. Called both as GET with a query and as a form POST (docs §11).
 */
import type { World } from '../world/world.js'
import type { App } from '../world/apps.js'
import { graphError } from '../facebook/errors.js'
import type { Params } from './params.js'
import { authenticate } from '../login/access.js'
import { rootRoute, type GraphRoute, type RootRoute } from './router.js'
import { issueAppToken, issueUserToken } from '../login/token-issuer.js'

export interface AccessTokenResponse {
  access_token: string
  token_type: 'bearer'
  expires_in?: number
}

/** The app named by `client_id`, its secret checked against `client_secret`. */
function clientApp(world: World, params: Params): App {
  const app = world.apps.get(params.required('client_id'))
  if (!app) throw graphError('clientIdInvalid')
  if (params.required('client_secret') !== app.secret) throw graphError('clientSecretInvalid')
  return app
}

function exchangeCode(world: World, params: Params): AccessTokenResponse {
  const app = clientApp(world, params)
  const redirectUri = params.required('redirect_uri')
  const code = world.tokens.getCode(params.required('code'))
  if (!code || code.appId !== app.id) throw graphError('codeMalformed')
  if (code.usedAt !== null) throw graphError('codeUsed')
  if (world.clock.nowSeconds() >= code.expiresAt) throw graphError('codeExpired')
  if (code.redirectUri !== redirectUri) throw graphError('redirectUriMismatch')
  return world.tx(() => {
    if (!world.tokens.useCode(code.code, world.clock.nowSeconds())) throw graphError('codeUsed')
    const token = issueUserToken(world, app.id, code.accountId, 'oauth', 'long')
    return { access_token: token.token, token_type: 'bearer', expires_in: token.expiresAt! - token.issuedAt }
  })
}

function exchangeLongLived(world: World, params: Params): AccessTokenResponse {
  const app = clientApp(world, params)
  const access = authenticate(world, params.required('fb_exchange_token'))
  if (access.app.id !== app.id || access.kind !== 'user' || !access.account) throw graphError('tokenInvalid')
  const token = issueUserToken(world, app.id, access.account.id, 'long_lived', 'long')
  return { access_token: token.token, token_type: 'bearer', expires_in: token.expiresAt! - token.issuedAt }
}

function clientCredentials(world: World, params: Params): AccessTokenResponse {
  const app = clientApp(world, params)
  return { access_token: issueAppToken(world, app.id).token, token_type: 'bearer' }
}

const handle: RootRoute['handle'] = ({ world, params }) => {
  const grant = params.string('grant_type')
  switch (grant) {
    case undefined:
    case 'authorization_code':
      return exchangeCode(world, params)
    case 'fb_exchange_token':
      return exchangeLongLived(world, params)
    case 'client_credentials':
      return clientCredentials(world, params)
    default:
      throw graphError('unsupportedGrantType', grant)
  }
}

export const oauthRoutes: GraphRoute[] = [
  rootRoute({ node: 'root', method: 'GET', path: 'oauth/access_token', public: true, handle }),
  rootRoute({ node: 'root', method: 'POST', path: 'oauth/access_token', public: true, handle }),
]
