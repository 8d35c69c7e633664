/**
 * The v1.1 error envelope: one object, `{ "error": { "code", "description" } }` (docs/conversations-api.md §18), which
 * smooch-core reads into `err.code` and `err.description` (its lib/utils/http.js `handleResponse`). The errors are the
 * catalogue's (../errors.ts) with v1.1's codes: v1.1 documents `bad_request`, `unauthorized`, `forbidden`,
 * `not_found`, `conflict` (§18), so v2's finer 404 codes (`user_not_found`, `app_not_found`, …) answer `not_found`.
 */
import type { Context } from 'hono'
import type { V11ErrorBody } from '../../conversations/v1-1-types.js'
import { API_ERRORS, asApiError } from '../errors.js'

const V11_CODES: Record<string, string> = {
  app_not_found: 'not_found', user_not_found: 'not_found', conversation_not_found: 'not_found',
  integration_not_found: 'not_found', client_not_found: 'not_found',
}

export function v11ErrorBody(code: string, description: string): V11ErrorBody {
  return { error: { code: V11_CODES[code] ?? code, description } }
}

/** The v1.1 funnel; a body with several problems (zod) is answered as one description. */
export function onV11Error(err: Error, c: Context): Response {
  const e = asApiError(err)
  return c.json(v11ErrorBody(e.errors[0]!.code, e.errors.map((x) => x.title).join('; ')), e.status)
}

export function v11NotFound(c: Context): Response {
  const e = API_ERRORS.notFound
  return c.json(v11ErrorBody(e.code, `${e.title}: ${c.req.method} ${c.req.path}`), 404)
}
