/**
 * The Graph API's HTTP surface and its one fixed pipeline (STYLE §7.5): strip the version → gather parameters →
 * `?method=` override → token and appsecret_proof → fault switches (rate limit, latency, strict) → route → handler →
 * JSON. Every failure leaves through one funnel as Facebook's error body with its HTTP status and an `fbtrace_id`, and
 * every answer is written to the request journal on its way out, with the warnings of the call (what Facebook
 * tolerated silently, facebook/warnings.ts), which the answer also carries as `X-Emulator-Warning` headers.
 */
import { Hono, type Context } from 'hono'
import type { Runtime } from '../runtime/runtime.js'
import { GraphError, graphError } from '../facebook/errors.js'
import { readParams, type Params } from './params.js'
import { authenticate, checkAppSecretProof, type Access } from '../login/access.js'
import { GraphRouter, resolveNode, type GraphMethod, type GraphRoute } from './router.js'
import { GraphCall } from './journal.js'
import { applyCallFaults, contractIsStrict } from '../messenger/faults.js'
import { warningHeader, type Warning } from '../facebook/warnings.js'
import type { Leniency } from '../facebook/leniency.js'

/** The token from `access_token` (query or body) or `Authorization: Bearer|OAuth …`. */
function tokenFrom(c: Context, params: Params): string | undefined {
  const fromParams = params.string('access_token')
  if (fromParams) return fromParams
  const header = c.req.header('authorization')
  const m = header?.match(/^\s*(?:Bearer|OAuth)\s+(\S+)\s*$/i)
  return m?.[1]
}

/** `POST …?method=delete` acts as DELETE, `method=get` as GET (docs §11). */
function effectiveMethod(c: Context, params: Params): GraphMethod {
  const override = params.string('method')?.toUpperCase()
  const method = (override ?? c.req.method.toUpperCase()) as string
  if (method === 'HEAD') return 'GET'
  if (method === 'GET' || method === 'POST' || method === 'DELETE') return method
  throw graphError('unknownMethod')
}

/**
 * A JSON answer as @hono/node-server writes it fastest: a string body and a plain object of headers. `c.json()` with
 * headers makes a web `Headers`, which the server then turns back into an object for Node; that, and hono's cors
 * setting its headers on it afterwards, was ~6% of a Send API call's CPU in a profile (`npm run bench`'s load).
 */
function jsonAnswer(body: object, status: number, headers: Record<string, string>, warnings: Warning[]): Response {
  return new Response(JSON.stringify(body), { status, headers: withWarnings(headers, warnings) })
}

/** One `X-Emulator-Warning` header per warning; a call without any (nearly every call) keeps its plain headers. */
function withWarnings(headers: Record<string, string>, warnings: Warning[]): HeadersInit {
  if (warnings.length === 0) return headers
  const values = warnings.map((w): [string, string] => ['x-emulator-warning', warningHeader(w)])
  return [...Object.entries(headers), ...values]
}

function errorResponse(err: unknown, call: GraphCall, jsonHeaders: Record<string, string>): Response {
  const { fbtraceId } = call
  const graphErr = err instanceof GraphError ? err : graphError('unexpected')
  if (!(err instanceof GraphError)) console.error('[graph] unexpected error', err)
  const headers: Record<string, string> = { ...jsonHeaders, ...graphErr.headers, 'x-fb-trace-id': fbtraceId }
  const www = graphErr.wwwAuthenticate()
  if (www) headers['www-authenticate'] = www
  return jsonAnswer(graphErr.body(fbtraceId), graphErr.status, headers, call.leniency.warnings)
}

/**
 * Graph's own parameters, which every endpoint takes (Graph API overview, error handling and debugging pages): never
 * "ignored". The JS SDK adds `sdk`, jQuery-style clients a cache-busting `_`.
 */
const COMMON_PARAMS = new Set(['access_token', 'appsecret_proof', 'appsecret_time', 'method', 'pretty',
  'suppress_http_code', 'format', 'locale', 'callback', 'debug', 'include_headers', 'date_format', 'sdk', '_'])

/** A parameter nothing read is one Graph ignored: a typo goes unnoticed on Facebook, so the call says so. */
function warnIgnored(leniency: Leniency, params: Params): void {
  for (const name of params.ignored()) if (!COMMON_PARAMS.has(name)) leniency.warn('ignoredParameter', name)
}

/**
 * `headers` go on every answer, success or error (the CORS headers of emulator/app.ts): written with the answer's own
 * headers, they cost nothing, while adding them to a finished answer rebuilds its headers.
 */
export function createGraphApp(runtime: Runtime, routes: GraphRoute[], headers: Record<string, string> = {}): Hono {
  const { world } = runtime
  const router = new GraphRouter(routes)
  const app = new Hono()
  /** The headers of every JSON answer but its trace id. */
  const jsonHeaders = { 'content-type': 'application/json', ...headers }

  // Every answer, success or error, is journaled at this one exit (GET /_emulator/requests).
  app.all('*', async (c) => {
    const call = new GraphCall(world, router, world.ids.fbtrace(), c.req.method, c.req.path, runtime.strict)
    const res = await answer(c, call)
    call.finish(res)
    return res
  })

  async function answer(c: Context, call: GraphCall): Promise<Response> {
    const { version, path, leniency } = call
    try {
      const params = await readParams(c)
      const method = effectiveMethod(c, params)
      const raw = tokenFrom(c, params)
      call.parsed(method, params, raw)
      const base = { c, world, runtime, method, version, path, params, pathParams: {}, leniency }
      const respond = (result: unknown) => (warnIgnored(leniency, params), answered(result, call))

      const root = router.findRoot(path, method)
      if (root?.public) {
        const access = raw ? authenticate(world, raw) : undefined
        return respond(await root.handle({ ...base, access, node: undefined }))
      }
      if (!raw) throw graphError('accessTokenRequired')
      const access: Access = authenticate(world, raw)
      checkAppSecretProof(access, params.string('appsecret_proof'))
      await applyCallFaults(world, { appId: access.app.id, pageId: access.pageId })
      if (contractIsStrict(world, access.app.id)) leniency.strict = true
      if (root) return respond(await root.handle({ ...base, access, node: undefined }))

      const segments = path.split('/').filter(Boolean)
      const nodeSegment = segments[0]
      if (nodeSegment === undefined) throw graphError('unsupportedRequest', method.toLowerCase(), '')
      const node = resolveNode(world, nodeSegment, access, method)
      const { route, pathParams } = router.findNodeRoute(node, segments.slice(1), method, nodeSegment)
      return respond(await route.handle({ ...base, access, node, pathParams } as never))
    } catch (err) {
      call.failed(err)
      return errorResponse(err, call, jsonHeaders)
    }
  }

  function answered(result: unknown, call: GraphCall): Response {
    const { warnings } = call.leniency
    if (!(result instanceof Response)) {
      return jsonAnswer(result as object, 200, { ...jsonHeaders, 'x-fb-trace-id': call.fbtraceId }, warnings)
    }
    for (const [name, value] of Object.entries(headers)) result.headers.set(name, value)
    for (const w of warnings) result.headers.append('x-emulator-warning', warningHeader(w))
    return result
  }
  return app
}
