/**
 * Facebook Login as the adapter's dashboard runs it for the platform's own Facebook app (the seed's "Using the
 * Dashboard": Authenticate, Facebook's OAuth prompt, pick the page, Save). Facts, with their sources:
 * - the dialog is `https://www.facebook.com/{version}/dialog/oauth` (client_id, redirect_uri, state, scope); Graph is
 *   on graph.facebook.com; an emulator serves both at one origin. messenger-platform.md §1.1;
 *   https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 * - the code is exchanged at `GET /oauth/access_token?client_id&redirect_uri&client_secret&code`, with the same
 *   redirect_uri (§1.2); the pages the user token reaches, each with its page token, are `GET /me/accounts` (§1.5;
 *   seed, "Page Access Token": `limit=500`); `GET /me/permissions` says which were granted or declined (§1.6).
 * - a declined redirect carries `error=access_denied&error_reason=user_denied` (§1.1).
 */

/**
 * The permissions the dashboard asks for: those the seed lists under "Facebook App Permissions" (pages_messaging,
 * pages_manage_metadata, pages_show_list, public_profile). docs/sunshine-messenger-guide.md.
 */
export const DASHBOARD_SCOPES = ['pages_show_list', 'pages_messaging', 'pages_manage_metadata', 'public_profile'] as const

/**
 * Without these the integration cannot work (seed, "Facebook App Permissions": pages_messaging sends, Get Started and
 * menus; pages_manage_metadata subscribes the webhook).
 */
export const REQUIRED_PERMISSIONS = ['pages_messaging', 'pages_manage_metadata'] as const

/** "…&limit=500" (seed, "Page Access Token"). */
export const ACCOUNTS_LIMIT = 500

const PRODUCTION_GRAPH_HOST = 'graph.facebook.com'
const PRODUCTION_DIALOG_ORIGIN = 'https://www.facebook.com'

/** The login dialog URL for a Graph base URL: www.facebook.com for Facebook's Graph, the same origin for an emulator. */
export function loginDialogUrl(graphBaseUrl: string, version: string, query: Record<string, string>): string {
  const graph = new URL(graphBaseUrl)
  const origin = graph.host === PRODUCTION_GRAPH_HOST ? PRODUCTION_DIALOG_ORIGIN : graph.origin
  return `${origin}/${version}/dialog/oauth?${new URLSearchParams(query)}`
}

export interface TokenResponse { access_token: string; token_type?: string; expires_in?: number }
export interface AccountsResponse { data: { id: string; name?: string; access_token?: string; tasks?: string[] }[] }
export interface PermissionsResponse { data: { permission: string; status: string }[] }
