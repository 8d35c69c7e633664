/**
 * The login dialog's request and its answers (docs §1.1): `client_id`, `redirect_uri`, `state`, `response_type`,
 * `scope`, `auth_type`, read from the dialog URL and carried through the login and consent forms as hidden fields,
 * and the redirects back to the app: `?code=…&state=…`, `#access_token=…&expires_in=…&state=…` or the denial.
 */
import type { World } from '../world/world.js'
import type { App } from '../world/apps.js'
import { unknownScopes } from '../login/permissions.js'
import { dialogProblem, type DialogProblem } from '../facebook/dialog-errors.js'
import { SDK_CALLBACK_PATH } from './paths.js'

/** The dialog's parameters, forwarded unchanged from step to step. */
export const DIALOG_PARAMS = ['client_id', 'redirect_uri', 'state', 'response_type', 'scope', 'auth_type'] as const
export type DialogQuery = Partial<Record<(typeof DIALOG_PARAMS)[number], string>>

export interface ResponseTypes {
  code: boolean
  token: boolean
  /** Adds `granted_scopes` and `denied_scopes` to the answer. */
  grantedScopes: boolean
}

export interface DialogRequest {
  query: DialogQuery
  app: App
  redirectUri: string
  state: string | undefined
  responseTypes: ResponseTypes
  /** The requested permission names as given (aliases not yet expanded). */
  scopes: string[]
  /** `auth_type=rerequest`: ask the permissions declined earlier again. */
  rerequest: boolean
  /** `auth_type=reauthenticate`: the person must log in again even with a live session. */
  reauthenticate: boolean
}

export type DialogRequestResult = { ok: true; request: DialogRequest } | { ok: false; problem: DialogProblem }

/** `scope` is "comma- or space-separated" (docs §1.1). */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(Boolean)
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function readResponseTypes(value: string | undefined): ResponseTypes | undefined {
  const parts = splitList(value)
  if (parts.some((p) => p !== 'code' && p !== 'token' && p !== 'granted_scopes')) return undefined
  const token = parts.includes('token')
  // `granted_scopes` alone, like no response_type at all, is the server-side flow: a code.
  return { code: parts.includes('code') || !token, token, grantedScopes: parts.includes('granted_scopes') }
}

/**
 * Whether the app lets the dialog send people back to `uri`: any http(s) URL when it lists no Valid OAuth Redirect
 * URIs, else one of them exactly (Strict Mode, Facebook's default: scheme, host, path and query all count). The JS
 * SDK's own popup callback is always allowed, as Facebook allows "redirects that use the Facebook SDK".
 */
function redirectAllowed(app: App, uri: string, emulatorOrigin: string): boolean {
  if (app.oauthRedirectUris.length === 0 || app.oauthRedirectUris.includes(uri)) return true
  const url = new URL(uri)
  return url.origin === emulatorOrigin && url.pathname === SDK_CALLBACK_PATH
}

/**
 * Validates the dialog parameters in the order Facebook reports problems: the app, then where to send the person
 * back, then what is asked. None of these problems redirects: a bad redirect_uri must never receive anything.
 * `emulatorOrigin` is where this dialog is served, for the JS SDK's callback.
 */
export function readDialogRequest(world: World, get: (name: string) => string | undefined, emulatorOrigin: string):
  DialogRequestResult {
  const query: DialogQuery = {}
  for (const name of DIALOG_PARAMS) {
    const v = get(name)
    if (v !== undefined && v !== '') query[name] = v
  }
  const clientId = query.client_id ?? ''
  const app = /^\d+$/.test(clientId) ? world.apps.get(clientId) : undefined
  if (!app) return { ok: false, problem: dialogProblem('invalidAppId', clientId) }
  const redirectUri = query.redirect_uri ?? ''
  if (!isWebUrl(redirectUri)) return { ok: false, problem: dialogProblem('urlBlocked', redirectUri) }
  if (!redirectAllowed(app, redirectUri, emulatorOrigin)) {
    const allowed = app.oauthRedirectUris.join(', ')
    return { ok: false, problem: dialogProblem('redirectUriNotListed', [redirectUri, allowed]) }
  }
  const scopes = splitList(query.scope)
  const unknown = unknownScopes(scopes)
  if (unknown.length > 0) return { ok: false, problem: dialogProblem('invalidScopes', unknown.join(', ')) }
  const responseTypes = readResponseTypes(query.response_type)
  if (!responseTypes) return { ok: false, problem: dialogProblem('invalidResponseType', query.response_type ?? '') }
  return {
    ok: true,
    request: {
      query, app, redirectUri, state: query.state, responseTypes, scopes,
      rerequest: query.auth_type === 'rerequest', reauthenticate: query.auth_type === 'reauthenticate',
    },
  }
}

/** `base?client_id=…&…`: the dialog again, e.g. after logging in or for "Not you?". */
export function dialogUrl(base: string, query: DialogQuery): string {
  const search = new URLSearchParams(query as Record<string, string>).toString()
  return search ? `${base}?${search}` : base
}

/** The person pressed Cancel (docs §1.1: verified from captured redirects; state echoed, unverified). */
export function deniedRedirect(req: DialogRequest): string {
  const url = new URL(req.redirectUri)
  url.searchParams.set('error_reason', 'user_denied')
  url.searchParams.set('error', 'access_denied')
  url.searchParams.set('error_description', 'Permissions error')
  if (req.state !== undefined) url.searchParams.set('state', req.state)
  return url.toString()
}

export interface Grant {
  code?: string
  accessToken?: { token: string; expiresIn: number; dataAccessExpirationTime: number }
  granted: string[]
  declined: string[]
}

/**
 * The answer to a granted dialog. With `token` in response_type everything travels in the fragment (so it never
 * reaches the app's server); otherwise in the query. `granted_scopes` / `denied_scopes` are comma-separated, as the
 * Facebook SDKs parse them (facebook/facebook-ios-sdk LoginUtility tests: `#granted_scopes=public_profile&
 * denied_scopes=email%2Cuser_friends&…`). Code redirects end in `#_=_`, a long-standing Facebook quirk apps strip.
 */
export function grantedRedirect(req: DialogRequest, grant: Grant): string {
  const answer = new URLSearchParams()
  if (req.responseTypes.grantedScopes) {
    answer.set('granted_scopes', grant.granted.join(','))
    answer.set('denied_scopes', grant.declined.join(','))
  }
  if (grant.accessToken) {
    answer.set('access_token', grant.accessToken.token)
    answer.set('data_access_expiration_time', String(grant.accessToken.dataAccessExpirationTime))
    answer.set('expires_in', String(grant.accessToken.expiresIn))
  }
  if (grant.code) answer.set('code', grant.code)
  if (req.state !== undefined) answer.set('state', req.state)
  const url = new URL(req.redirectUri)
  if (req.responseTypes.token) {
    url.hash = answer.toString()
  } else {
    for (const [k, v] of answer) url.searchParams.set(k, v)
    url.hash = '_=_'
  }
  return url.toString()
}
