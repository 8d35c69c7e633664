/**
 * `GET /debug_token?input_token=…` (docs §1.7): what a token is, for which app, user and page, with which scopes,
 * and whether it is still valid. An invalid token is answered with HTTP 200, `is_valid: false` and the error that a
 * call with it would get (`subcode`, not `error_subcode`).
 */
import type { World } from '../world/world.js'
import { GraphError, graphError } from '../facebook/errors.js'
import { authenticate, type Access } from '../login/access.js'
import { rootRoute, type GraphRoute } from './router.js'
import { LIMITS } from '../facebook/limits.js'

export interface DebugTokenData {
  app_id?: string
  type?: 'USER' | 'PAGE' | 'APP'
  application?: string
  data_access_expires_at?: number
  expires_at?: number
  is_valid: boolean
  issued_at?: number
  scopes: string[]
  granular_scopes?: { scope: string; target_ids?: string[] }[]
  user_id?: string
  profile_id?: string
  error?: { code: number; message: string; subcode?: number }
}

/** Page-scoped permissions carry the chosen pages as `target_ids` (docs §1.7). */
const PAGE_SCOPED = new Set(['pages_show_list', 'pages_messaging', 'pages_manage_metadata', 'pages_read_engagement'])

function describe(world: World, input: string): DebugTokenData {
  const stored = world.tokens.get(input)
  let access: Access | undefined
  let error: GraphError | undefined
  try {
    access = authenticate(world, input)
  } catch (e) {
    if (!(e instanceof GraphError)) throw e
    error = e
  }
  const appId = access?.app.id ?? stored?.appId
  const app = appId ? world.apps.get(appId) : undefined
  const kind = access?.kind ?? stored?.kind
  const accountId = access?.account?.id ?? stored?.accountId ?? undefined
  const pageId = access?.pageId ?? stored?.pageId ?? undefined
  const consent = app && accountId ? world.consents.get(app.id, accountId) : undefined
  const scopes = access ? access.scopes : []
  const data: DebugTokenData = {
    ...(app ? { app_id: app.id, application: app.name } : {}),
    ...(kind ? { type: kind.toUpperCase() as 'USER' | 'PAGE' | 'APP' } : {}),
    ...(stored && kind !== 'app' ? { data_access_expires_at: stored.issuedAt + LIMITS.dataAccessSeconds.value } : {}),
    ...(stored || access ? { expires_at: stored?.expiresAt ?? 0 } : {}),
    is_valid: error === undefined,
    ...(stored ? { issued_at: stored.issuedAt } : {}),
    scopes,
    ...(kind !== 'app' && access ? {
      granular_scopes: scopes.map((scope) => PAGE_SCOPED.has(scope) && consent
        ? { scope, target_ids: pageId ? [pageId] : consent.pageIds }
        : { scope }),
    } : {}),
    ...(accountId ? { user_id: accountId } : {}),
    ...(pageId ? { profile_id: pageId } : {}),
  }
  if (error) {
    data.error = {
      code: error.entry.code, message: error.message,
      ...(error.entry.subcode !== undefined ? { subcode: error.entry.subcode } : {}),
    }
  }
  return data
}

export const debugTokenRoutes: GraphRoute[] = [
  rootRoute({
    node: 'root', method: 'GET', path: 'debug_token',
    handle: ({ world, params, access }) => {
      const input = params.required('input_token')
      const data = describe(world, input)
      if (data.app_id && access && data.app_id !== access.app.id) throw graphError('debugTokenAppMismatch')
      return { data }
    },
  }),
]
