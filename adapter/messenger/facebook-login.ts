/**
 * The Graph calls of the dashboard's Facebook Login (facebook/login.ts has the facts): the code exchange, the pages
 * the user token reaches with their page tokens, and what the person granted or declined. Calls are made with the
 * platform's Facebook app (`appsecret_proof` with its secret), server to server, as the seed asks ("You must not make
 * this call from the user's browser").
 */
import { appToken, type GraphClient } from '../facebook/graph-client.js'
import {
  ACCOUNTS_LIMIT, type AccountsResponse, type PermissionsResponse, type TokenResponse,
} from '../facebook/login.js'

export interface FacebookApp { id: string; secret: string }

export interface ReachablePage { id: string; name: string; accessToken: string }

export interface Grant {
  userToken: string
  pages: ReachablePage[]
  granted: string[]
  declined: string[]
}

/** From the dialog's code to what the person allowed: user token, their pages, granted and declined permissions. */
export async function grantOf(graph: GraphClient, app: FacebookApp, redirectUri: string, code: string): Promise<Grant> {
  const { access_token: userToken } = await graph.get<TokenResponse>('/oauth/access_token', {
    token: appToken(app.id, app.secret), appSecret: app.secret,
    query: { client_id: app.id, client_secret: app.secret, redirect_uri: redirectUri, code },
  })
  const user = { token: userToken, appSecret: app.secret }
  const [accounts, permissions] = await Promise.all([
    graph.get<AccountsResponse>('/me/accounts', { ...user, query: { fields: 'id,name,access_token', limit: ACCOUNTS_LIMIT } }),
    graph.get<PermissionsResponse>('/me/permissions', user),
  ])
  const having = (status: string) => permissions.data.filter((p) => p.status === status).map((p) => p.permission)
  return {
    userToken,
    pages: accounts.data.filter((p) => p.access_token)
      .map((p) => ({ id: p.id, name: p.name ?? p.id, accessToken: p.access_token! })),
    granted: having('granted'),
    declined: having('declined'),
  }
}
